import { removeE2eEnvironment } from "./support/environment.ts";

export default function globalTeardown(): void {
  removeE2eEnvironment();
}
