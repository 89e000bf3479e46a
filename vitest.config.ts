import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Unpacks the bundled Chromium once, before any worker starts, when no system Chromium exists.
    globalSetup: ["tests/helpers/global-setup.ts"],
  },
});
