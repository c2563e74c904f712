/// <reference types="vitest/config" />
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";

// The app is served by `confer serve` from web/dist; in development Vite
// proxies /api to a local server (CONFER_API, default http://127.0.0.1:8080).
export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: { outDir: "dist", sourcemap: false, target: "es2022" },
  server: { proxy: { "/api": process.env.CONFER_API ?? "http://127.0.0.1:8080" } },
  test: { environment: "jsdom", include: ["src/**/*.test.{ts,tsx}"] },
});
