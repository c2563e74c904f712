// Stripe Elements, only when the server takes payments through Stripe: the
// script comes from js.stripe.com (allowed by the app's CSP), never bundled.
type StripeJs = {
  elements: (o: { clientSecret: string }) => { create: (t: string) => { mount: (el: HTMLElement) => void } };
  confirmPayment: (o: unknown) => Promise<{ error?: { message?: string } }>;
};
declare global {
  interface Window {
    Stripe?: (key: string) => StripeJs;
  }
}

export async function loadStripe(publishableKey: string): Promise<StripeJs> {
  if (!window.Stripe)
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement("script");
      script.src = "https://js.stripe.com/v3/";
      script.onload = () => resolve();
      script.onerror = () => reject(new Error("Stripe could not be loaded."));
      document.head.appendChild(script);
    });
  return window.Stripe!(publishableKey);
}
