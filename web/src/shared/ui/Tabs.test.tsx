import { act, useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { render, type Rendered } from "../../test/render";
import { Tabs } from "./Tabs";

let view: Rendered | null = null;
afterEach(() => view?.unmount());

function Harness() {
  const [tab, setTab] = useState<"a" | "b" | "c">("a");
  const tabs = [{ value: "a", label: "One" }, { value: "b", label: "Two" }, { value: "c", label: "Three" }] as const;
  return (
    <Tabs label="Test" tabs={tabs} value={tab} onChange={setTab}>
      <p>panel {tab}</p>
    </Tabs>
  );
}

const key = (el: Element, k: string) => act(async () => void el.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true })));

describe("Tabs", () => {
  it("keeps one tab in the Tab order and moves with the arrow keys, Home and End", async () => {
    view = await render(<Harness />);
    const tabs = () => [...view!.container.querySelectorAll('[role="tab"]')];
    expect(tabs().map((t) => t.getAttribute("tabindex"))).toEqual(["0", "-1", "-1"]);
    await key(tabs()[0], "ArrowRight");
    expect(document.activeElement?.textContent).toBe("Two");
    expect(view.container.querySelector('[role="tabpanel"]')!.textContent).toBe("panel b");
    await key(tabs()[1], "End");
    expect(tabs()[2].getAttribute("aria-selected")).toBe("true");
    await key(tabs()[2], "ArrowRight"); // wraps around
    expect(document.activeElement?.textContent).toBe("One");
    const panel = view.container.querySelector('[role="tabpanel"]')!;
    expect(document.getElementById(panel.getAttribute("aria-labelledby")!)!.textContent).toBe("One");
  });
});
