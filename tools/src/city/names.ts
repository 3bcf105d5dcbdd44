/**
 * Name stock for the synthetic city. Entries are "表記:読み:weight". Surnames lean to those common in
 * 島根県 (山根, 錦織, 多久和, 江角, 勝部 …) next to the national ones. A few carry gaiji: variant
 * forms (髙, 﨑, 齋, 邉 with an MJ IVS), the non-BMP 𠮷, the compatibility ideograph 塚 (U+FA10),
 * and 葛/辻 with Moji_Joho IVS (U+E0102), which IPAmj明朝 draws.
 */
export interface NameEntry {
  text: string;
  kana: string;
  weight: number;
}

function parse(table: string): NameEntry[] {
  return table
    .trim()
    .split(/\s+/)
    .map((entry) => {
      const [text, kana, weight] = entry.split(":");
      if (!text || !kana) throw new Error(`bad name entry ${entry}`);
      return { text, kana, weight: Number(weight ?? 1) };
    });
}

export const surnames = parse(`
田中:タナカ:30 佐藤:サトウ:28 山本:ヤマモト:26 原:ハラ:26 伊藤:イトウ:22 高橋:タカハシ:22 藤原:フジハラ:24
山根:ヤマネ:30 錦織:ニシコオリ:18 多久和:タクワ:10 江角:エスミ:16 勝部:カツベ:16 持田:モチダ:12
石川:イシカワ:14 森山:モリヤマ:16 渡部:ワタナベ:14 福間:フクマ:12 景山:カゲヤマ:14 三島:ミシマ:12
吾郷:アゴウ:10 飯塚:イイヅカ:10 岸:キシ:8 坂根:サカネ:12 小村:コムラ:10 槇野:マキノ:8 寺本:テラモト:8
周藤:スドウ:10 金築:カネツキ:8 杉谷:スギタニ:6 永瀬:ナガセ:8 今岡:イマオカ:12 園山:ソノヤマ:10
岡:オカ:10 土江:ツチエ:10 高木:タカギ:8 松本:マツモト:14 井上:イノウエ:12 小林:コバヤシ:12 中村:ナカムラ:14
吉田:ヨシダ:14 山田:ヤマダ:14 山崎:ヤマサキ:10 斎藤:サイトウ:8 渡辺:ワタナベ:12 木村:キムラ:10
林:ハヤシ:10 清水:シミズ:8 池田:イケダ:10 橋本:ハシモト:10 石田:イシダ:10 前田:マエダ:10 藤井:フジイ:10
岡田:オカダ:10 長谷川:ハセガワ:6 村上:ムラカミ:8 近藤:コンドウ:8 坂本:サカモト:8 遠藤:エンドウ:6
青木:アオキ:8 藤田:フジタ:8 西村:ニシムラ:8 福田:フクダ:8 太田:オオタ:8 三浦:ミウラ:6 岡本:オカモト:8
松田:マツダ:8 中川:ナカガワ:8 中島:ナカシマ:8 原田:ハラダ:8 和田:ワダ:6 竹内:タケウチ:6 金子:カネコ:6
野村:ノムラ:6 森:モリ:10 堀江:ホリエ:6 大国:オオクニ:6 別所:ベッショ:6 曽田:ソダ:8 陶山:スヤマ:6
妹尾:セノオ:6 安食:アジキ:6 神田:カンダ:6 落部:オチベ:4 矢田:ヤタ:6 野津:ノツ:10 児玉:コダマ:6
川上:カワカミ:6 濱田:ハマダ:4 浜田:ハマダ:6 廣瀬:ヒロセ:3 広瀬:ヒロセ:5 國木:クニキ:2 国木:クニキ:3
髙橋:タカハシ:5 髙木:タカギ:2 山﨑:ヤマサキ:4 宮﨑:ミヤザキ:3 宮崎:ミヤザキ:6 齋藤:サイトウ:3
斉藤:サイトウ:4 渡邉󠄏:ワタナベ:2 渡邊:ワタナベ:2 澤田:サワダ:3 沢田:サワダ:5 𠮷田:ヨシダ:3
𠮷岡:ヨシオカ:2 吉岡:ヨシオカ:5 飯\uFA10:イイヅカ:2 葛󠄂西:カサイ:2 葛西:カサイ:3 辻󠄂:ツジ:2 辻:ツジ:5
嶋田:シマダ:3 島田:シマダ:5 冨田:トミタ:3 富田:トミタ:5 德永:トクナガ:2 徳永:トクナガ:4
`);

/** Given names by the decade people were born; naming fashions changed a great deal. */
export const givenNames = {
  male: {
    old: parse(`清:キヨシ:10 茂:シゲル:10 勇:イサム:8 博:ヒロシ:10 実:ミノル:8 正:タダシ:8 進:ススム:8
      武:タケシ:6 昭:アキラ:8 勝:マサル:6 弘:ヒロシ:6 義雄:ヨシオ:6 正夫:マサオ:6 和夫:カズオ:8 忠:タダシ:4`),
    middle: parse(`浩:ヒロシ:8 誠:マコト:10 隆:タカシ:8 健一:ケンイチ:8 和彦:カズヒコ:8 修:オサム:6
      哲也:テツヤ:8 浩二:コウジ:8 大輔:ダイスケ:8 直樹:ナオキ:8 剛:ツヨシ:6 健太:ケンタ:6 拓也:タクヤ:8 聡:サトシ:8`),
    young: parse(`翔太:ショウタ:8 大輝:ダイキ:8 拓海:タクミ:8 蓮:レン:10 湊:ミナト:8 陽翔:ハルト:10
      悠真:ユウマ:8 颯太:ソウタ:8 大和:ヤマト:6 樹:イツキ:6 悠人:ユウト:8 碧:アオイ:6 蒼:アオイ:6 朝陽:アサヒ:6`),
  },
  female: {
    old: parse(`和子:カズコ:10 幸子:サチコ:10 節子:セツコ:8 久子:ヒサコ:6 美代子:ミヨコ:6 信子:ノブコ:6
      京子:キョウコ:8 弘子:ヒロコ:6 文子:フミコ:6 静子:シズコ:6 芳子:ヨシコ:6 光子:ミツコ:6 トシ子:トシコ:2 ヨシ:ヨシ:2`),
    middle: parse(`恵子:ケイコ:8 由美:ユミ:8 直美:ナオミ:8 裕子:ユウコ:8 明美:アケミ:6 真由美:マユミ:8
      智子:トモコ:8 陽子:ヨウコ:6 美穂:ミホ:6 恵:メグミ:6 香織:カオリ:6 愛:アイ:6 彩:アヤ:6 舞:マイ:6`),
    young: parse(`美咲:ミサキ:8 陽菜:ヒナ:10 結衣:ユイ:8 葵:アオイ:8 凛:リン:8 芽依:メイ:8 結菜:ユイナ:8
      さくら:サクラ:6 紬:ツムギ:8 澪:ミオ:6 心春:コハル:6 陽葵:ヒマリ:8 莉子:リコ:6 杏:アン:6`),
  },
} as const;

export function generationOf(birthYear: number): "old" | "middle" | "young" {
  if (birthYear < 1960) return "old";
  if (birthYear < 1990) return "middle";
  return "young";
}

export interface ForeignNameStock {
  nationality: string;
  weight: number;
  /** Family names: alphabet and katakana. */
  family: readonly (readonly [string, string])[];
  male: readonly (readonly [string, string])[];
  female: readonly (readonly [string, string])[];
  /** Family name first (Vietnam, China) or given name first (Brazil, Philippines). */
  familyFirst: boolean;
  /** Typical 在留資格, most common first. */
  statuses: readonly string[];
}

export const foreignStocks: readonly ForeignNameStock[] = [
  {
    nationality: "ブラジル",
    weight: 40,
    family: [
      ["SILVA", "シルバ"],
      ["SANTOS", "サントス"],
      ["OLIVEIRA", "オリベイラ"],
      ["SOUZA", "ソウザ"],
      ["PEREIRA", "ペレイラ"],
      ["NAKAMURA", "ナカムラ"],
    ],
    male: [
      ["LUCAS", "ルーカス"],
      ["GABRIEL", "ガブリエル"],
      ["RAFAEL", "ハファエル"],
      ["PEDRO", "ペドロ"],
      ["MARCOS", "マルコス"],
    ],
    female: [
      ["ANA", "アナ"],
      ["JULIANA", "ジュリアナ"],
      ["MARIANA", "マリアナ"],
      ["BEATRIZ", "ベアトリス"],
      ["CAMILA", "カミラ"],
    ],
    familyFirst: false,
    statuses: ["定住者", "永住者", "日本人の配偶者等", "永住者の配偶者等"],
  },
  {
    nationality: "ベトナム",
    weight: 25,
    family: [
      ["NGUYEN", "グエン"],
      ["TRAN", "チャン"],
      ["LE", "レ"],
      ["PHAM", "ファム"],
      ["HOANG", "ホアン"],
    ],
    male: [
      ["VAN AN", "ヴァン アン"],
      ["MINH DUC", "ミン ドゥック"],
      ["QUANG HUY", "クアン フイ"],
      ["THANH TUNG", "タイン トゥン"],
    ],
    female: [
      ["THI HOA", "ティ ホア"],
      ["THI LAN", "ティ ラン"],
      ["NGOC ANH", "ゴック アイン"],
      ["THU TRANG", "トゥ チャン"],
    ],
    familyFirst: true,
    statuses: ["技能実習", "特定技能", "技術・人文知識・国際業務", "留学"],
  },
  {
    nationality: "フィリピン",
    weight: 15,
    family: [
      ["SANTOS", "サントス"],
      ["REYES", "レイエス"],
      ["CRUZ", "クルス"],
      ["GARCIA", "ガルシア"],
      ["MENDOZA", "メンドーサ"],
    ],
    male: [
      ["JOSE", "ホセ"],
      ["MARK", "マーク"],
      ["JOHN PAUL", "ジョン ポール"],
    ],
    female: [
      ["MARIA", "マリア"],
      ["MARICEL", "マリセル"],
      ["JOY", "ジョイ"],
      ["ROSALIE", "ロザリー"],
    ],
    familyFirst: false,
    statuses: ["日本人の配偶者等", "永住者", "定住者", "特定技能"],
  },
  {
    nationality: "中国",
    weight: 12,
    family: [
      ["WANG", "ワン"],
      ["LI", "リー"],
      ["ZHANG", "チャン"],
      ["LIU", "リュウ"],
      ["CHEN", "チェン"],
    ],
    male: [
      ["WEI", "ウェイ"],
      ["JIAN", "ジエン"],
      ["HAO", "ハオ"],
    ],
    female: [
      ["FANG", "ファン"],
      ["LING", "リン"],
      ["XIAOMEI", "シャオメイ"],
    ],
    familyFirst: true,
    statuses: ["技術・人文知識・国際業務", "永住者", "留学", "家族滞在"],
  },
  {
    nationality: "韓国",
    weight: 8,
    family: [
      ["KIM", "キム"],
      ["LEE", "イ"],
      ["PARK", "パク"],
    ],
    male: [
      ["MINJUN", "ミンジュン"],
      ["JIHOON", "ジフン"],
    ],
    female: [
      ["SOYEON", "ソヨン"],
      ["JIYOUNG", "ジヨン"],
    ],
    familyFirst: true,
    statuses: ["特別永住者", "永住者"],
  },
];

/** Corporate name stock: a stem and a kind of corporation. */
export const corporationStems = parse(`
出雲:イズモ 斐川:ヒカワ 大社:タイシャ 平田:ヒラタ 神門:カンド 宍道湖:シンジコ 八雲:ヤクモ 稲佐:イナサ
神西:ジンザイ 北山:キタヤマ 日御碕:ヒノミサキ 朝山:アサヤマ 高瀬川:タカセガワ 縁結び:エンムスビ 山陰:サンイン
`);
export const corporationKinds = [
  ["株式会社", "カブシキガイシャ", "建設"],
  ["有限会社", "ユウゲンガイシャ", "商店"],
  ["株式会社", "カブシキガイシャ", "食品"],
  ["株式会社", "カブシキガイシャ", "電機"],
  ["合同会社", "ゴウドウガイシャ", "企画"],
  ["社会福祉法人", "シャカイフクシホウジン", "福祉会"],
  ["医療法人", "イリョウホウジン", "会"],
  ["株式会社", "カブシキガイシャ", "運輸"],
  ["農事組合法人", "ノウジクミアイホウジン", "営農組合"],
] as const;
