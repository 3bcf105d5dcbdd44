/**
 * Maintenance commands: `npm run cli -- <command> [options]`. Each prints what it did in Japanese
 * and exits non-zero on failure, so cron and CI can rely on the exit code.
 */
import { ConfigError, loadConfig } from "./config.ts";

const usage = `使い方: npm run cli -- <command>
  migrate                         データベースを最新のスキーマに更新する
  generate-city [--residents N] [--seed S] [--encoding cp932|utf-8] [--out DIR] [--replace]
                                  合成データの市の連携ファイル 24 本を生成する (--out なしなら取り込む)
  import-feeds DIR [--encoding auto|utf-8|cp932]
                                  フォルダの連携ファイルを取り込む (<名前>.diff.csv は差分)
  audit verify                    監査証跡のハッシュチェーンを検証する (改ざんがあれば終了コード 1)
  create-admin --login-id ID --name 氏名
                                  初期管理者を作成し、初期パスワードを表示する (初回ログイン時に変更が必要)
  export-data --out DIR           市のデータをすべて CSV とデータ辞書で出力する (E②)
  erase-personal-data --confirm ERASE-ALL-PERSONAL-DATA [--report FILE]
                                  すべての個人情報を消去し、消去の報告を出力する (E③、元に戻せません)
  api-token create --name 名前 [--scopes rpa] | api-token revoke --name 名前
                                  ロボット・他システム用の API トークンを発行する (表示は一度だけ) / 失効させる
  sla-report [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--csv]
                                  日ごとの 3 秒以内の割合と稼働率 (SLA 未達なら終了コード 1、既定は今月)
  planned-outage add --from 日時 --to 日時 --reason 理由 | planned-outage list
                                  計画停止を登録する (稼働率の計算から除く) / 一覧を表示する`;

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  migrate: async () => (await import("./db/migrate-command.ts")).migrateCommand(loadConfig()),
  "generate-city": async (args) =>
    (await import("./registry/generate-city-command.ts")).generateCityCommand(args, process.env),
  "import-feeds": async (args) =>
    (await import("./registry/feeds/import-command.ts")).importFeedsCommand(args, loadConfig()),
  audit: async (args) => {
    if (args[0] !== "verify") return usageError();
    return (await import("./audit/verify-command.ts")).verifyCommand(loadConfig());
  },
  "create-admin": async (args) =>
    (await import("./staff/create-admin-command.ts")).createAdminCommand(loadConfig(), args),
  "export-data": async (args) =>
    (await import("./export/export-command.ts")).exportDataCommand(loadConfig(), args),
  "erase-personal-data": async (args) =>
    (await import("./export/erase-command.ts")).erasePersonalDataCommand(loadConfig(), args),
  "api-token": async (args) =>
    (await import("./auth/api-token-command.ts")).apiTokenCommand(loadConfig(), args),
  "sla-report": async (args) => (await import("./ops/sla-command.ts")).slaReportCommand(loadConfig(), args),
  "planned-outage": async (args) =>
    (await import("./ops/sla-command.ts")).plannedOutageCommand(loadConfig(), args),
};

function usageError(): number {
  console.error(usage);
  return 2;
}

const [name, ...rest] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
try {
  process.exitCode = command ? await command(rest) : usageError();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `エラー: ${(error as Error).message}`);
  process.exitCode = 1;
}
