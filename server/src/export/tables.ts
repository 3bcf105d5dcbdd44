/**
 * Every table of the database and what the city's data export (E②) does with it. A test holds
 * this list to the database's own, so a new table cannot be left out of the export unnoticed.
 */
export interface ExportedTable {
  name: string;
  /** 日本語名 in the data dictionary */
  title: string;
  description: string;
  /** columns left out, with why (secrets; values derived from others) */
  omit?: Readonly<Record<string, string>>;
}

export const exportedTables: readonly ExportedTable[] = [
  { name: "counter", title: "窓口", description: "窓口（課・係）と階・場所" },
  { name: "role", title: "役割", description: "役割ごとの機能権限と閲覧・受付できる業務" },
  {
    name: "staff_user",
    title: "職員",
    description: "職員のログインID・氏名・有効期間",
    omit: { password_hash: "パスワードのハッシュは秘密情報のため出力しない" },
  },
  { name: "staff_assignment", title: "職員の配置", description: "職員ごとの窓口と役割" },
  {
    name: "audit_log",
    title: "監査証跡",
    description: "照会・変更・印刷・出力・認証の記録（ハッシュチェーン付き）",
  },
  { name: "address_town", title: "住所関連マスタ（町字）", description: "町字・読み・郵便番号・学区" },
  { name: "household", title: "世帯", description: "世帯番号・世帯主・住所" },
  {
    name: "person",
    title: "宛名",
    description: "住民・住登外者・法人の宛名（基本4情報・続柄・在留情報など）",
  },
  { name: "residence_change", title: "異動履歴", description: "住民基本台帳の異動の履歴" },
  {
    name: "enrollment",
    title: "資格・受給",
    description: "業務ごとの資格・受給（国保・介護・児童手当など）と期間",
  },
  { name: "support_measure", title: "支援措置", description: "DV等支援措置の対象と期間" },
  { name: "issuance_ban", title: "発行禁止", description: "証明書の発行禁止とその理由" },
  { name: "arrears", title: "滞納", description: "税・保険料の滞納（業務・年度・額）" },
  { name: "registry_memo", title: "住基メモ", description: "住民記録のメモ" },
  { name: "move_out_certificate", title: "転出証明書情報", description: "転出証明書（転出届の受理）の情報" },
  { name: "gaiji", title: "外字", description: "市の外字コードと Unicode（IVS）・MJ文字図形名の対応" },
  { name: "import_run", title: "取込履歴", description: "データ連携の取込ごとの件数・結果・問題" },
  {
    name: "feed_setting",
    title: "連携の設定",
    description: "連携ファイルごとの文字コード・列の対応・しきい値",
  },
  {
    name: "support_measure_ack",
    title: "支援措置の警告確認",
    description: "職員が支援措置の警告を確認した記録（セッション単位）",
    omit: { token_hash: "セッションの識別子は出力しない" },
  },
  { name: "related_person", title: "関連者", description: "宛名どうしの関連（代理人・扶養など）" },
  { name: "identity_document_kind", title: "本人確認書類", description: "本人確認書類の種類と区分" },
  {
    name: "catalog_version",
    title: "手続きカタログの版",
    description: "手続き・確認事項・規則の各版（ファイル形式のまま）",
  },
  { name: "reception_case", title: "対応", description: "来庁・郵送・職権の対応（来庁者・本人確認・状態）" },
  { name: "case_subject", title: "申請対象者", description: "対応ごとの申請対象者" },
  {
    name: "case_residence_change",
    title: "住民異動届",
    description: "対応で受け付けた住民異動届と確認事項の回答",
  },
  { name: "case_procedure", title: "対応の手続き", description: "対応で必要になった手続きと状態" },
  { name: "case_memo", title: "対応メモ", description: "対応に記入したメモ" },
  {
    name: "case_certificate_request",
    title: "証明書交付請求",
    description: "証明書の請求（請求者・証明書・手数料・発行上の指示）",
  },
  { name: "case_event", title: "対応履歴", description: "対応の各操作（職員・窓口・日時）" },
  { name: "certificate_settings", title: "証明書の設定", description: "証明書の種類・使用目的・免除の各版" },
  {
    name: "api_token",
    title: "APIトークン",
    description: "ロボット・他システムのトークン（名前・用途・利用日時）",
    omit: { token_hash: "トークンのハッシュは秘密情報のため出力しない" },
  },
  {
    name: "rpa_job",
    title: "RPAジョブ",
    description: "基幹システムへの入力ジョブ（シナリオ・データ・状態）",
  },
  { name: "notice", title: "伝達事項", description: "職員への伝達事項（対象の窓口・掲示期間・重要度）" },
  { name: "notice_read", title: "伝達事項の既読", description: "職員ごとの伝達事項の既読" },
  {
    name: "memo_template",
    title: "定型文",
    description: "メモ・発行上の指示の定型文（共通または窓口ごと、並び順、削除日時）",
  },
  {
    name: "service_level_daily",
    title: "SLAの集計",
    description: "日ごと・サーバごとの要求数、3秒以内の数、5xxの数",
  },
  {
    name: "service_heartbeat",
    title: "稼働記録",
    description: "サービスが稼働していた分 (1分1行、稼働率の計算に使う)",
  },
  { name: "planned_outage", title: "計画停止", description: "稼働率の計算から除く計画停止の期間と理由" },
  {
    name: "document_base_pdf",
    title: "帳票の元PDF",
    description: "帳票様式の元になるPDF（PDFは files/ に出力）",
  },
  { name: "document_template", title: "帳票様式", description: "帳票様式の各版（欄の配置と差し込み元）" },
  {
    name: "document_leaflet",
    title: "案内チラシ",
    description: "手続きに添える案内チラシ（PDFは帳票の元PDFのもの）",
  },
  {
    name: "printed_document",
    title: "印刷履歴",
    description: "印刷した書類（様式の版・対象者・差し込んだ内容。再印刷はここから同じ書類を作る）",
  },
];

/** Tables that hold nothing of the city's: sessions (secrets that expire) and the migrations' bookkeeping. */
export const notExported: Readonly<Record<string, string>> = {
  staff_session: "ログイン中のセッション（秘密情報、期限で消える）",
  schema_migration: "データベースの版の管理",
  schema_migration_lock: "データベースの版の管理",
};
