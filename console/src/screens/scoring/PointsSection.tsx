/** "Points per share": one field per network of the registry, with the registry's note on rewarding it. */
import { network, NETWORKS } from '../../../../lib/networks';
import { NumberField } from '../../components/fields';
import type { SchemaForm } from '../../forms';
import { FORM, pointsLabel, type Draft } from './draft';

export function PointsSection({ form, draft }: { form: SchemaForm<Draft>; draft: Draft }) {
  return (
    <fieldset class="card form-section fieldset--card" disabled={!draft.enabled}>
      <legend>Points per share</legend>
      <p class="field__hint">0 switches a network off entirely: no points, bonuses or badge credit.</p>
      <div class="grid-3">
        {NETWORKS.map((id) => (
          <div key={id}>
            <NumberField
              form={FORM}
              path={`pointsPerShare.${id}`}
              label={pointsLabel(id)}
              errors={form.errors}
              hint={network(id).pointsNote}
              min={0}
              max={10_000}
              value={draft.points[id]}
              onValue={(value) =>
                form.update(`pointsPerShare.${id}`, (current) => ({
                  ...current,
                  points: { ...current.points, [id]: value },
                }))
              }
            />
          </div>
        ))}
      </div>
    </fieldset>
  );
}
