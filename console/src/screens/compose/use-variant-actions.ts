/** The compose form's variant edits: add, remove, change, apply a fix; each keeps focus where the admin expects it. */
import { disclosureAppend, type Hint } from '../../../../lib/guidelines';
import type { TextNetwork } from '../../../../lib/networks';
import type { ContentInput } from '../../../../lib/schemas';
import { fieldId, removeAt, replaceAt, rowAfterRemoval, type useSchemaForm } from '../../forms';
import { FORM, MAX_VARIANTS, variant, type Draft } from './draft';

type Form = ReturnType<typeof useSchemaForm<Draft, ContentInput>>;
type List = Draft['variants'][TextNetwork];

export function variantActions(form: Form, draft: Draft) {
  function setVariants(id: TextNetwork, path: string, change: (list: List) => List) {
    form.update(path, (current) => ({
      ...current,
      variants: { ...current.variants, [id]: change(current.variants[id]) },
    }));
  }

  function setVariant(id: TextNetwork, index: number, text: string) {
    setVariants(id, `variants.${id}.${index}`, (list) => replaceAt(list, index, (entry) => ({ ...entry, text })));
  }

  return {
    setVariant,
    /** Adds an empty variant; answers its index (or null at the limit). */
    addVariant(id: TextNetwork): number | null {
      const index = draft.variants[id].length;
      if (index >= MAX_VARIANTS) return null;
      setVariants(id, `variants.${id}`, (list) => [...list, variant()]);
      form.focusLater(fieldId(FORM, `variants.${id}.${index}`));
      return index;
    },
    removeVariant(id: TextNetwork, index: number) {
      setVariants(id, `variants.${id}`, (list) => removeAt(list, index));
      const idOfRow = (i: number) => fieldId(FORM, `variants.${id}.${i}`);
      form.focusLater(rowAfterRemoval(draft.variants[id].length - 1, index, idOfRow, fieldId(FORM, `variants.${id}`)));
    },
    applyDisclosure(id: TextNetwork, index: number, hint: Hint) {
      const text = draft.variants[id][index]?.text ?? '';
      const disclosure = hint.fix?.append.trim();
      if (!disclosure) return;
      setVariant(id, index, text + disclosureAppend(text, disclosure, id));
      form.focusLater(fieldId(FORM, `variants.${id}.${index}`));
    },
  };
}
