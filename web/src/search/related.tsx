import { type PersonDetail, relatedPersonRequestSchema } from "@ichimado/core/search/schemas";
import { type FormEvent, type RefObject, useEffect, useRef, useState } from "react";
import {
  Button,
  ComboBox,
  Dialog,
  FieldError,
  Heading,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Modal,
  ModalOverlay,
  Popover,
  Text,
} from "react-aria-components";
import { Link } from "react-router";
import { errorMessage, fieldErrors } from "../app/api.ts";
import { ErrorAlert, focusRing, primaryButton, secondaryButton, TextField } from "../app/ui.tsx";
import { useAddRelatedPerson, useRemoveRelatedPerson } from "./api.ts";
import type { SearchLinkState } from "./criteria.ts";
import { AddressText, FlagBadges, StatusLabel } from "./views.tsx";

type Related = PersonDetail["related"][number];

const linkClass = `text-blue-900 underline ${focusRing}`;
const dangerButton = `inline-flex min-h-10 items-center justify-center rounded-8 bg-red-900 px-4 text-std-16B-170 text-white hover:bg-red-1000 disabled:bg-solid-gray-300 ${focusRing}`;
const removeButton = `inline-flex min-h-10 items-center justify-center whitespace-nowrap rounded-8 border border-red-900 bg-white px-3 text-std-16B-170 text-red-900 hover:bg-red-50 ${focusRing}`;

/** What staff most often record; anything else may be typed. */
const relationSuggestions = ["同一住所・別世帯", "親族", "介護者", "後見人", "代理人", "支援者"];

/**
 * 関連者: people staff linked to this one (shown from both sides). Adding and removing need the
 * 届出受付 (reception) function at the current counter.
 */
export function RelatedSection({
  personId,
  related,
  canEdit,
  linkState,
}: {
  personId: string;
  related: Related[];
  canEdit: boolean;
  linkState: SearchLinkState | undefined;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [removing, setRemoving] = useState<Related | null>(null);
  const [removedMessage, setRemovedMessage] = useState("");
  return (
    <section
      aria-labelledby="related-heading"
      className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 bg-white p-6"
    >
      <h2
        id="related-heading"
        ref={heading}
        tabIndex={-1}
        className={`self-start text-std-20B-150 outline-none ${focusRing}`}
      >
        関連者
      </h2>
      {related.length === 0 ? (
        <p className="text-dns-16N-130">関連者は登録されていません</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-dns-16N-130">
            <caption className="sr-only">関連者</caption>
            <thead>
              <tr className="border-b-2 border-solid-gray-600">
                <th scope="col" className="whitespace-nowrap px-3 py-2">
                  氏名
                </th>
                <th scope="col" className="whitespace-nowrap px-3 py-2">
                  関係
                </th>
                <th scope="col" className="whitespace-nowrap px-3 py-2">
                  備考
                </th>
                <th scope="col" className="whitespace-nowrap px-3 py-2">
                  住所
                </th>
                <th scope="col" className="whitespace-nowrap px-3 py-2">
                  状態
                </th>
                <th scope="col" className="whitespace-nowrap px-3 py-2">
                  注意事項
                </th>
                {canEdit && (
                  <th scope="col" className="whitespace-nowrap px-3 py-2">
                    <span className="sr-only">操作</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {related.map((r) => (
                <tr key={r.linkId} className="border-b border-solid-gray-420 align-top">
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <Link
                      to={`/persons/${encodeURIComponent(r.person.id)}`}
                      state={linkState}
                      className={linkClass}
                    >
                      {r.person.name}
                    </Link>
                    <div className="text-dns-14N-130 text-solid-gray-700">{r.person.nameKana}</div>
                    <div className="font-mono text-dns-14N-130 text-solid-gray-700">{r.person.id}</div>
                  </th>
                  <td className="px-3 py-2">{r.relation}</td>
                  <td className="px-3 py-2">{r.note || "—"}</td>
                  <td className="px-3 py-2">
                    <AddressText address={r.person.address} />
                  </td>
                  <td className="px-3 py-2">
                    <StatusLabel status={r.person.status} />
                  </td>
                  <td className="px-3 py-2">
                    <FlagBadges flags={r.person.flags} />
                  </td>
                  {canEdit && (
                    <td className="px-3 py-2">
                      <button
                        type="button"
                        className={removeButton}
                        aria-label={`${r.person.name} との関連付けを削除`}
                        onClick={() => {
                          setRemovedMessage("");
                          setRemoving(r);
                        }}
                      >
                        削除
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p role="status" className="sr-only">
        {removedMessage}
      </p>
      {canEdit && (
        <>
          <AddRelatedForm personId={personId} />
          <RemoveDialog
            personId={personId}
            link={removing}
            onClose={(removed) => {
              setRemoving(null);
              if (removed) {
                setRemovedMessage(`${removed.person.name} との関連付けを削除しました`);
                focusAfterDialog(heading);
              }
            }}
          />
        </>
      )}
    </section>
  );
}

/**
 * The removed row's button is gone, so the dialog cannot give focus back to it: the section heading
 * takes it. The dialog's own focus restoration and the list's refetch land at moments that vary, so
 * for half a second focus that has fallen to the page body is put back on the heading (never taken
 * from an element the user moved to).
 */
function focusAfterDialog(target: RefObject<HTMLElement | null>): void {
  let ticks = 0;
  const settle = () => {
    const active = document.activeElement;
    if (!active || active === document.body) target.current?.focus();
    if (++ticks < 10) setTimeout(settle, 50);
  };
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      target.current?.focus();
      setTimeout(settle, 50);
    }),
  );
}

/** Asks before removing; the link goes from both persons' views. */
function RemoveDialog({
  personId,
  link,
  onClose,
}: {
  personId: string;
  link: Related | null;
  onClose: (removed: Related | null) => void;
}) {
  const remove = useRemoveRelatedPerson(personId);
  const { reset } = remove;
  // Each opening starts without the previous attempt's error.
  const linkId = link?.linkId;
  useEffect(() => {
    if (linkId !== undefined) reset();
  }, [linkId, reset]);
  return (
    <ModalOverlay
      isOpen={link !== null}
      onOpenChange={(open) => {
        if (!open && !remove.isPending) onClose(null);
      }}
      isDismissable={!remove.isPending}
      className="fixed inset-0 z-20 flex items-center justify-center bg-black/50 p-4"
    >
      <Modal className="w-full max-w-lg rounded-8 bg-white p-6 shadow-3">
        <Dialog role="alertdialog" className="flex flex-col gap-4 outline-none">
          {link && (
            <>
              <Heading slot="title" className="text-std-20B-150">
                関連付けの削除
              </Heading>
              <p className="text-std-16N-170">
                {link.person.name}（{link.relation}）との関連付けを削除しますか？
                相手の宛名の関連者からも削除されます。
              </p>
              {remove.isError && <ErrorAlert message={errorMessage(remove.error)} />}
              <div className="flex flex-wrap justify-end gap-2">
                <Button
                  // The safe choice first: Enter right after opening keeps the link.
                  autoFocus
                  className={secondaryButton}
                  onPress={() => onClose(null)}
                  isDisabled={remove.isPending}
                >
                  やめる
                </Button>
                <Button
                  className={dangerButton}
                  isDisabled={remove.isPending}
                  onPress={() => remove.mutate(link.linkId, { onSuccess: () => onClose(link) })}
                >
                  削除する
                </Button>
              </div>
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

type FormField = "relatedPersonId" | "relation" | "note";
const fieldOrder: FormField[] = ["relatedPersonId", "relation", "note"];

/** 関連者の追加: 宛名番号, 関係 (a suggestion or free text), 備考. */
function AddRelatedForm({ personId }: { personId: string }) {
  const add = useAddRelatedPerson(personId);
  const [relatedPersonId, setRelatedPersonId] = useState("");
  const [relation, setRelation] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [added, setAdded] = useState("");
  // A fresh combobox after each addition, so no earlier choice lingers in it.
  const [round, setRound] = useState(0);
  const refs: Record<FormField, RefObject<HTMLInputElement | null>> = {
    relatedPersonId: useRef<HTMLInputElement>(null),
    relation: useRef<HTMLInputElement>(null),
    note: useRef<HTMLInputElement>(null),
  };

  const serverErrors: Partial<Record<FormField, string>> = add.isError ? fieldErrors(add.error) : {};
  const shown = { ...errors, ...serverErrors };
  const serverMessage =
    add.isError && Object.keys(serverErrors).length === 0 ? errorMessage(add.error) : null;

  const focusFirst = (found: Partial<Record<FormField, string>>) => {
    const first = fieldOrder.find((f) => found[f]);
    if (first) refs[first].current?.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAdded("");
    add.reset();
    const parsed = relatedPersonRequestSchema.safeParse({
      relatedPersonId: relatedPersonId.trim(),
      relation,
      note,
    });
    if (!parsed.success) {
      const found: Partial<Record<FormField, string>> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as FormField | undefined;
        if (key && !found[key]) found[key] = issue.message;
      }
      setErrors(found);
      focusFirst(found);
      return;
    }
    setErrors({});
    add.mutate(parsed.data, {
      onSuccess: () => {
        setAdded(`関連者を追加しました（宛名番号 ${parsed.data.relatedPersonId}）`);
        setRelatedPersonId("");
        setRelation("");
        setNote("");
        setRound((n) => n + 1);
        refs.relatedPersonId.current?.focus();
      },
      onError: (error) => focusFirst(fieldErrors(error)),
    });
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-labelledby="related-add-heading"
      className="flex flex-col gap-4 border-t border-solid-gray-420 pt-4"
    >
      <h3 id="related-add-heading" className="text-std-18B-160">
        関連者の追加
      </h3>
      <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-3">
        <TextField
          ref={refs.relatedPersonId}
          label="宛名番号"
          hint="10桁の数字 (宛名検索で確認できます)"
          name="relatedPersonId"
          inputMode="numeric"
          autoComplete="off"
          value={relatedPersonId}
          error={shown.relatedPersonId}
          onChange={(e) => setRelatedPersonId(e.currentTarget.value)}
        />
        <RelationField
          key={round}
          inputRef={refs.relation}
          value={relation}
          onChange={setRelation}
          error={shown.relation}
        />
        <TextField
          ref={refs.note}
          label="備考"
          hint="200文字以内 (任意)"
          name="note"
          autoComplete="off"
          value={note}
          error={shown.note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
      </div>
      <div>
        <button type="submit" className={primaryButton} disabled={add.isPending}>
          追加
        </button>
      </div>
      <ErrorAlert message={serverMessage} />
      <p role="status" className={added ? "text-dns-16N-130 text-green-1000" : "sr-only"}>
        {added}
      </p>
    </form>
  );
}

/** 関係: a combobox of the usual relations that also takes free text. */
function RelationField({
  inputRef,
  value,
  onChange,
  error,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  return (
    <ComboBox
      allowsCustomValue
      inputValue={value}
      onInputChange={onChange}
      onSelectionChange={(key) => {
        if (key !== null) onChange(String(key));
      }}
      isInvalid={Boolean(error)}
      defaultItems={relationSuggestions.map((s) => ({ id: s }))}
      className="flex flex-col gap-1"
    >
      <Label className="text-std-16B-170 text-solid-gray-800">関係</Label>
      <Text slot="description" className="text-dns-14N-130 text-solid-gray-700">
        候補から選ぶか入力 (40文字以内)
      </Text>
      <div className="flex">
        <Input
          ref={inputRef}
          name="relation"
          className={`min-h-12 min-w-0 flex-1 rounded-l-8 border bg-white px-4 text-std-16N-170 ${error ? "border-error-1" : "border-solid-gray-600"} ${focusRing}`}
        />
        <Button
          aria-label="関係の候補"
          className={`min-h-12 rounded-r-8 border border-l-0 border-solid-gray-600 bg-white px-3 text-solid-gray-800 ${focusRing}`}
        >
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      <FieldError className="text-dns-16N-130 text-error-2">{error}</FieldError>
      <Popover className="min-w-(--trigger-width) rounded-8 border border-solid-gray-420 bg-white shadow-2">
        <ListBox className="max-h-72 overflow-auto p-1 outline-none">
          {(item: { id: string }) => (
            <ListBoxItem
              id={item.id}
              textValue={item.id}
              className="cursor-pointer rounded-4 px-3 py-2 text-std-16N-170 outline-none data-[focused]:bg-blue-50"
            >
              {item.id}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
