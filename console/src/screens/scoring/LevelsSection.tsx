/** "Levels": named thresholds of points, in increasing order, the first from 0. */
import { InputField, NumberField } from '../../components/fields';
import { RowList } from '../../components/RowList';
import { replaceAt, type SchemaForm } from '../../forms';
import { FORM, newLevel, type Draft, type LevelDraft } from './draft';

const MAX_LEVELS = 50;

export function LevelsSection({ form, draft }: { form: SchemaForm<Draft>; draft: Draft }) {
  function setLevel(index: number, change: Partial<LevelDraft>) {
    form.update(`levels.${index}`, (current) => ({
      ...current,
      levels: replaceAt(current.levels, index, (level) => ({ ...level, ...change })),
    }));
  }

  /** The next level starts 500 points above the last one. */
  function nextLevel() {
    const last = draft.levels[draft.levels.length - 1];
    return newLevel(last ? String((Number(last.minPoints) || 0) + 500) : '0');
  }

  return (
    <fieldset class="card form-section fieldset--card" disabled={!draft.enabled}>
      <legend>Levels</legend>
      <p class="field__hint">In increasing order of points; the first starts at 0.</p>
      <RowList
        form={form}
        formId={FORM}
        path="levels"
        rows={draft.levels}
        rowsOf={(current) => current.levels}
        withRows={(current, levels) => ({ ...current, levels })}
        newRow={nextLevel}
        firstField="name"
        name="Level"
        rowClass="level-row"
        addId="scoring-add-level"
        max={MAX_LEVELS}
        min={1}
      >
        {(level, index) => (
          <>
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
          </>
        )}
      </RowList>
    </fieldset>
  );
}
