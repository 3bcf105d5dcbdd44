import type { Config } from "../config.ts";
import { openConfiguredDatabase, resolveAuditKey } from "../platform/runtime.ts";
import { verifyAuditChain } from "./verify.ts";

export async function verifyCommand(config: Config): Promise<number> {
  const key = resolveAuditKey(config);
  // Read-only: verifying must not change the schema it is checking.
  const handle = await openConfiguredDatabase(config, false);
  try {
    const result = await verifyAuditChain(handle.db, key);
    if (result.ok) {
      console.log(`監査証跡は正常です (${result.checkedRows} 件を検証)`);
      return 0;
    }
    console.log(
      `監査証跡に異常があります (${result.checkedRows} 件を検証、${result.problems.length} 件の異常)`,
    );
    for (const p of result.problems) console.log(`  ${p.kind}\t${p.message}`);
    return 1;
  } finally {
    await handle.close();
  }
}
