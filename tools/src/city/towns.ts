import type { AddressTown } from "@ichimado/core/registry/records";

/**
 * A synthetic address master shaped like 出雲市: the old city centre (出雲) with most people and
 * 丁目-numbered towns, and the merged towns (平田, 佐田, 多伎, 湖陵, 大社, 斐川) with 町-level
 * addresses. Town names and postal codes are made up or generic; schools are named per district.
 * Entries: "name:kana:area:chome:weight".
 */
const table = `
今市町:イマイチチョウ:出雲:0:30 塩冶町:エンヤチョウ:出雲:0:40 塩冶有原町:エンヤアリハラチョウ:出雲:6:14
大津町:オオツチョウ:出雲:0:28 大津新崎町:オオツシンザキチョウ:出雲:7:10 高松町:タカマツチョウ:出雲:0:16
四絡町:ヨツガネチョウ:出雲:0:12 古志町:コシチョウ:出雲:0:14 神門町:カンドチョウ:出雲:0:10 渡橋町:ドバシチョウ:出雲:0:12
姫原町:ヒメバラチョウ:出雲:4:14 天神町:テンジンチョウ:出雲:0:8 白枝町:シロエダチョウ:出雲:0:8 荻杼町:オギノチョウ:出雲:0:10
駅北町:エキキタチョウ:出雲:0:8 駅南町:エキミナミチョウ:出雲:3:8 中野町:ナカノチョウ:出雲:0:8 知井宮町:チイミヤチョウ:出雲:0:10
神西沖町:ジンザイオキチョウ:出雲:0:6 朝山町:アサヤマチョウ:出雲:0:4 稗原町:ヒエバラチョウ:出雲:0:4 上津町:カミツチョウ:出雲:0:3
平田町:ヒラタチョウ:平田:0:14 灘分町:ナダブンチョウ:平田:0:5 国富町:クニドミチョウ:平田:0:4 西代町:ニシダイチョウ:平田:0:3
鰐淵町:ワニブチチョウ:平田:0:3 美保町:ミホチョウ:平田:0:3 口宇賀町:クチウガチョウ:平田:0:2 久多見町:クタミチョウ:平田:0:3
佐田町須佐:サダチョウスサ:佐田:0:2 佐田町反辺:サダチョウタンベ:佐田:0:2 佐田町一窪田:サダチョウヒトクボタ:佐田:0:1
多伎町口田儀:タキチョウクチタギ:多伎:0:2 多伎町小田:タキチョウオダ:多伎:0:2 多伎町久村:タキチョウクムラ:多伎:0:1
湖陵町二部:コリョウチョウニブ:湖陵:0:2 湖陵町常楽寺:コリョウチョウジョウラクジ:湖陵:0:2 湖陵町差海:コリョウチョウサシミ:湖陵:0:1
大社町杵築東:タイシャチョウキヅキヒガシ:大社:0:4 大社町杵築南:タイシャチョウキヅキミナミ:大社:0:4 大社町北荒木:タイシャチョウキタアラキ:大社:0:4
大社町修理免:タイシャチョウシュリメン:大社:0:3 大社町遙堪:タイシャチョウヨウカン:大社:0:2 大社町日御碕:タイシャチョウヒノミサキ:大社:0:1
斐川町直江:ヒカワチョウナオエ:斐川:0:10 斐川町荘原:ヒカワチョウショウバラ:斐川:0:8 斐川町上直江:ヒカワチョウカミナオエ:斐川:0:5
斐川町求院:ヒカワチョウグイン:斐川:0:3 斐川町富村:ヒカワチョウトミムラ:斐川:0:4 斐川町出西:ヒカワチョウシュッサイ:斐川:0:4
斐川町学頭:ヒカワチョウガクトウ:斐川:0:3 斐川町沖洲:ヒカワチョウオキス:斐川:0:3 斐川町坂田:ヒカワチョウサカタ:斐川:0:2
`;

interface TownSeed extends AddressTown {
  weight: number;
}

const areaPostal: Record<string, string> = {
  出雲: "693",
  平田: "691",
  佐田: "693",
  多伎: "699",
  湖陵: "699",
  大社: "699",
  斐川: "699",
};

export const towns: readonly TownSeed[] = table
  .trim()
  .split(/\s+/)
  .map((entry, index) => {
    const [name, nameKana, area, chome, weight] = entry.split(":") as [
      string,
      string,
      string,
      string,
      string,
    ];
    const district = Math.floor(index / 4) + 1;
    return {
      code: String(1000 + index * 10),
      name,
      nameKana,
      area,
      postalCode: `${areaPostal[area] ?? "693"}-${String(10 + index).padStart(4, "0")}`,
      chomeCount: Number(chome),
      elementarySchool: `${area}第${district}小学校`,
      juniorHighSchool: `${area}第${Math.ceil(district / 2)}中学校`,
      weight: Number(weight),
    };
  });

export const cityName = "出雲市";
export const prefectureName = "島根県";
