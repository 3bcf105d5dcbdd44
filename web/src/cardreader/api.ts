import {
  type BridgeError,
  bridgeErrorSchema,
  bridgeStatusSchema,
  type CardBasicInfo,
  cardReaderConfigSchema,
  type ReadBasicRequest,
  readBasicResponseSchema,
} from "@ichimado/core/cardreader/schemas";
import { personSearchResultSchema } from "@ichimado/core/search/schemas";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../app/api.ts";

/**
 * The counter PC's card-reader bridge, called from the page on localhost. Only counter PCs with a
 * reader run it: anywhere else the status call fails and the screens go on without the button.
 */
export function useCardBridge() {
  const config = useQuery({
    queryKey: ["cardreader", "config"],
    queryFn: () => apiRequest("GET", "/cardreader/config", cardReaderConfigSchema),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const bridgeUrl = config.data?.bridgeUrl ?? null;
  const status = useQuery({
    queryKey: ["cardreader", "status", bridgeUrl],
    queryFn: async () => {
      const response = await fetch(`${bridgeUrl}/v1/status`, { credentials: "omit", cache: "no-store" });
      if (!response.ok) throw new Error(`bridge ${response.status}`);
      return bridgeStatusSchema.parse(await response.json());
    },
    enabled: bridgeUrl !== null,
    retry: false,
    // A reader plugged in while the screen is open shows the button soon after; a PC without the
    // bridge is not asked again until the screen is opened anew.
    refetchInterval: (query) => (query.state.status === "error" ? false : 15_000),
  });
  return { bridgeUrl: status.data?.reader ? bridgeUrl : null, status: status.data ?? null };
}

/** The bridge's refusal, with the tries the card still allows after a wrong PIN. */
export class CardReadError extends Error {
  constructor(readonly detail: BridgeError) {
    super(detail.message);
  }
}

/**
 * Reads the 基本4情報. The PIN goes to the bridge on this PC only, never to the Ichimado server,
 * and the caller drops it as soon as this is called.
 */
export async function readCard(bridgeUrl: string, secret: ReadBasicRequest): Promise<CardBasicInfo> {
  let response: Response;
  try {
    response = await fetch(`${bridgeUrl}/v1/read-basic`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(secret),
      credentials: "omit",
      cache: "no-store",
    });
  } catch {
    throw new CardReadError({
      code: "noReader",
      message: "カードリーダー中継に接続できません。カードリーダーの中継ソフトが動いているか確かめてください",
    });
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return readBasicResponseSchema.parse(body).card;
  const refused = bridgeErrorSchema.safeParse(body);
  throw new CardReadError(
    refused.success
      ? refused.data.error
      : { code: "cardError", message: `カードを読み取れませんでした (HTTP ${response.status})` },
  );
}

/** Register persons found with the card's name and birth date as the search key (audited by the server). */
export function useCardMatches(card: CardBasicInfo | null) {
  const params = new URLSearchParams();
  if (card) {
    params.set("name", card.name.replace(/[\s\u3000]+/g, ""));
    if (card.birthDate) params.set("birthDate", card.birthDate);
    params.set("limit", "5");
  }
  return useQuery({
    queryKey: ["search", "cardreader", params.toString()],
    queryFn: () => apiRequest("GET", `/search/persons?${params}`, personSearchResultSchema),
    enabled: card !== null,
    staleTime: 0,
  });
}
