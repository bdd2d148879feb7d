/** "Levels": named thresholds of points, in increasing order, the first from 0. */
import { InputField, NumberField } from '../../components/fields';
import { fieldId, removeAt, replaceAt, rowAfterRemoval, type SchemaForm } from '../../forms';
import { FORM, newLevel, type Draft, type LevelDraft } from './draft';

const MAX_LEVELS = 50;
const ADD_ID = 'scoring-add-level';

export function LevelsSection({ form, draft }: { form: SchemaForm<Draft>; draft: Draft }) {
  function setLevel(index: number, change: Partial<LevelDraft>) {
    form.update(`levels.${index}`, (current) => ({
      ...current,
      levels: replaceAt(current.levels, index, (level) => ({ ...level, ...change })),
    }));
  }

  function addLevel() {
    const index = draft.levels.length;
    const last = draft.levels[index - 1];
    const suggested = last ? String((Number(last.minPoints) || 0) + 500) : '0';
    form.update('levels', (current) => ({ ...current, levels: [...current.levels, newLevel(suggested)] }));
    form.focusLater(fieldId(FORM, `levels.${index}.name`));
  }

  function removeLevel(index: number) {
    form.update('levels', (current) => ({ ...current, levels: removeAt(current.levels, index) }));
    form.dropServerErrors();
    const idOfRow = (i: number) => fieldId(FORM, `levels.${i}.name`);
    form.focusLater(rowAfterRemoval(draft.levels.length - 1, index, idOfRow, ADD_ID));
  }

  return (
    <fieldset class="card form-section fieldset--card" disabled={!draft.enabled}>
      <legend>Levels</legend>
      <p class="field__hint">In increasing order of points; the first starts at 0.</p>
      <ol class="rows">
        {draft.levels.map((level, index) => (
          <li key={level.key} class="row-item">
            <fieldset class="fieldset row-fieldset">
              <legend>Level {index + 1}</legend>
              <div class="level-row">
                <InputField
                  form={FORM}
                  path={`levels.${index}.name`}
                  label="Name"
                  errors={form.errors}
                  type="text"
                  maxLength={40}
                  value={level.name}
                  onValue={(name) => setLevel(index, { name })}
                />
                <NumberField
                  form={FORM}
                  path={`levels.${index}.minPoints`}
                  label="From points"
                  errors={form.errors}
                  min={0}
                  value={level.minPoints}
                  onValue={(minPoints) => setLevel(index, { minPoints })}
                />
                <button
                  type="button"
                  class="button button--small button--quiet"
                  aria-label={`Remove level ${index + 1}`}
                  disabled={draft.levels.length <= 1}
                  onClick={() => removeLevel(index)}
                >
                  Remove
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <button
        type="button"
        id={ADD_ID}
        class="button button--small"
        disabled={draft.levels.length >= MAX_LEVELS}
        onClick={addLevel}
      >
        Add level
      </button>
    </fieldset>
  );
}
