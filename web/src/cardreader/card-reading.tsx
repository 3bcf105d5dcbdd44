import type { CardBasicInfo } from "@ichimado/core/cardreader/schemas";
import type { Sex } from "@ichimado/core/registry/codes";
import { useState } from "react";
import { secondaryButton } from "../app/ui.tsx";
import { useCardBridge } from "./api.ts";
import { CardDialog } from "./card-dialog.tsx";
import { CardReconciliation, type RegisterLink } from "./card-reconciliation.tsx";

/** What the card puts into the visitor form: a draft staff check and correct. */
export interface CardFill {
  name: string;
  address: string;
  birthDate: string;
  sex: Sex | "";
}

/**
 * 「マイナンバーカードを読み取る」 for the visitor form, shown only where the counter PC's bridge
 * answers; then the card against the register. Without a bridge nothing is drawn.
 */
export function CardReading({
  onFill,
  onLink,
}: {
  onFill: (fill: CardFill) => void;
  onLink: (link: RegisterLink) => void;
}) {
  const { bridgeUrl } = useCardBridge();
  const [open, setOpen] = useState(false);
  const [card, setCard] = useState<CardBasicInfo | null>(null);
  if (!bridgeUrl) return null;
  return (
    <>
      <button type="button" className={secondaryButton} onClick={() => setOpen(true)}>
        マイナンバーカードを読み取る
      </button>
      <CardDialog
        bridgeUrl={bridgeUrl}
        isOpen={open}
        onClose={() => setOpen(false)}
        onRead={(read) => {
          setCard(read);
          onFill({
            name: read.name,
            address: read.address,
            // A date the chip wrote in a form we do not know is left for staff to type from the face.
            birthDate: read.birthDate ?? "",
            sex: read.sex ?? "",
          });
        }}
      />
      {card && (
        <CardReconciliation
          card={card}
          onLink={(link) => {
            onLink(link);
            setCard(null);
          }}
        />
      )}
    </>
  );
}
