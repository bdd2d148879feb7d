/** A settings document the console loads with GET and saves whole with PUT at one path (guidelines, scoring). */
import type { z } from 'zod';
import { api } from '../api';
import { useSchemaForm } from './use-schema-form';

interface Options<D, T> {
  /** "/v1/admin/guidelines" */
  path: string;
  schema: z.ZodType<T>;
  draftFrom: (document: T) => D;
  candidate: (draft: D) => unknown;
  /** What the document is called in messages: "the guidelines". */
  what: string;
  /** The notice once saved. */
  savedText: string;
}

export function useDocumentForm<D, T>({ path, schema, draftFrom, candidate, what, savedText }: Options<D, T>) {
  const form = useSchemaForm<D, T>({
    schema,
    candidate,
    initial: null,
    load: async () => draftFrom(await api.get<T>(path)),
  });

  function save(event: Event) {
    event.preventDefault();
    void form.submit({
      save: async (document) => {
        const saved = await api.put<T>(path, document);
        // Whoever shows this document elsewhere (the header shows the organisation's name) reloads it.
        window.dispatchEvent(new CustomEvent('relay-document-saved', { detail: path }));
        return { draft: draftFrom(saved), notice: { kind: 'success', text: savedText } };
      },
      failure: (message) => `Couldn't save ${what}: ${message}`,
    });
  }

  return { ...form, what, save };
}

export type DocumentForm<D> = ReturnType<typeof useDocumentForm<D, unknown>>;
