import {
  type CardBasicInfo,
  collationBSchema,
  pinSchema,
  type ReadBasicRequest,
} from "@ichimado/core/cardreader/schemas";
import { type FormEvent, useId, useRef, useState } from "react";
import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { ErrorAlert, focusRing, primaryButton, secondaryButton } from "../app/ui.tsx";
import { TextInput } from "../cases/fields.tsx";
import { CardReadError, readCard } from "./api.ts";

type Mode = "pin" | "collationB";

const modeLabels: Record<Mode, string> = {
  pin: "暗証番号 (来庁者が入力)",
  collationB: "照合番号B (職員が券面から入力)",
};

/**
 * The visitor types the card's 4-digit PIN (or staff type 照合番号B from the card face) and the
 * bridge reads the 基本4情報. The secret lives in the input only until the read starts: it is
 * cleared before the answer comes and never reaches the Ichimado server.
 */
export function CardDialog({
  bridgeUrl,
  isOpen,
  onClose,
  onRead,
}: {
  bridgeUrl: string;
  isOpen: boolean;
  onClose: () => void;
  onRead: (card: CardBasicInfo) => void;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<Mode>("pin");
  const [secret, setSecret] = useState("");
  const [problem, setProblem] = useState<{ message: string; hint?: string } | null>(null);
  const [reading, setReading] = useState(false);

  const close = () => {
    setSecret("");
    setProblem(null);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The dialog is portalled, but React still bubbles its submit to the visitor form around it.
    event.stopPropagation();
    if (reading) return;
    const checked = (mode === "pin" ? pinSchema : collationBSchema).safeParse(secret);
    if (!checked.success) {
      setProblem({ message: checked.error.issues[0]?.message ?? "入力を確かめてください" });
      input.current?.focus();
      return;
    }
    const request: ReadBasicRequest = mode === "pin" ? { pin: checked.data } : { collationB: checked.data };
    setSecret("");
    setProblem(null);
    setReading(true);
    try {
      const card = await readCard(bridgeUrl, request);
      setReading(false);
      onRead(card);
      close();
    } catch (error) {
      setReading(false);
      const detail = error instanceof CardReadError ? error.detail : null;
      setProblem({
        message: detail?.message ?? "カードを読み取れませんでした",
        hint:
          detail?.code === "pinLocked" && mode === "pin"
            ? "暗証番号がロックされていても、券面の照合番号Bで読み取れます"
            : undefined,
      });
      input.current?.focus();
    }
  };

  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open && !reading) close();
      }}
      isDismissable={!reading}
      className="fixed inset-0 z-20 flex items-center justify-center bg-black/50 p-4"
    >
      <Modal className="w-full max-w-lg rounded-8 bg-white p-6 shadow-3">
        <Dialog className="outline-none">
          <form onSubmit={submit} noValidate className="flex flex-col gap-4">
            <Heading slot="title" className="text-std-20B-150">
              マイナンバーカードの読み取り
            </Heading>
            <p className="text-std-16N-170">
              カードをリーダーに置いてください。読み取るのは氏名・住所・生年月日・性別です
              (個人番号は読み取りません)。
            </p>
            <fieldset className="flex flex-col gap-1">
              <legend className="text-std-16B-170 text-solid-gray-800">確認の方法</legend>
              {(["pin", "collationB"] as const).map((value) => (
                <div key={value} className="flex min-h-10 items-center gap-2">
                  <input
                    id={`${id}-${value}`}
                    type="radio"
                    name={`${id}-mode`}
                    checked={mode === value}
                    onChange={() => {
                      setMode(value);
                      setSecret("");
                      setProblem(null);
                    }}
                    className={`size-6 ${focusRing}`}
                  />
                  <label htmlFor={`${id}-${value}`} className="text-std-16N-170">
                    {modeLabels[value]}
                  </label>
                </div>
              ))}
            </fieldset>
            <TextInput
              ref={input}
              id={`${id}-secret`}
              label={mode === "pin" ? "暗証番号 (4桁)" : "照合番号B (14桁)"}
              hint={
                mode === "collationB"
                  ? "生年月日 (YYMMDD)・有効期限の西暦年・セキュリティコードの順"
                  : undefined
              }
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={mode === "pin" ? 4 : 14}
              autoFocus
              value={secret}
              onChange={(e) => setSecret(e.currentTarget.value)}
            />
            <ErrorAlert message={problem?.message} />
            {problem?.hint && <p className="text-std-16N-170">{problem.hint}</p>}
            {reading && (
              <p role="status" className="text-std-16N-170">
                読み取っています…
              </p>
            )}
            <div className="flex flex-wrap justify-end gap-2">
              <Button className={secondaryButton} onPress={close} isDisabled={reading}>
                やめる
              </Button>
              <button type="submit" aria-disabled={reading || undefined} className={primaryButton}>
                読み取る
              </button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
