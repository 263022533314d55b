// Import first in every test file. Resolves the compiled tests' imports as a Next.js app resolves
// them from tsconfig's paths: "@/…" to the compiled app folder ("@/*": ["./*"]), and the package's
// own name to its compiled source, so the tests always run the code of this checkout.
import Module = require("node:module");
import path = require("node:path");

const compiledRoot = path.resolve(__dirname, "..");
const loader = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const original = loader._resolveFilename;
loader._resolveFilename = function (request: string, ...rest: unknown[]): string {
  let mapped = request;
  if (request === "@policy-gateway/nextjs") {
    mapped = path.join(compiledRoot, "src", "index.js");
  } else if (request.startsWith("@/")) {
    mapped = path.join(compiledRoot, request.slice(2));
  }
  return original.call(this, mapped, ...rest);
};
