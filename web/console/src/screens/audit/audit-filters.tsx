import '@mantine/dates/styles.css';
import 'dayjs/locale/uk';
import { Button, Grid, NumberInput, Paper, Select, TagsInput, TextInput } from '@mantine/core';
import { DateInput, DatesProvider } from '@mantine/dates';
import { dayOfTyped } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import { AUDIT_ACTOR_KINDS, AUDIT_OBJECT_KINDS, type AuditDraft, draftProblems } from './audit-filter.ts';
import { useKnownEventTypes } from './audit-queries.ts';

const text = messages.audit;

/** The audit log's filters: every change is applied after a short pause, never blocking the page. */
export function AuditFilters({
  draft,
  onChange,
  onReset,
}: {
  draft: AuditDraft;
  onChange: (draft: AuditDraft) => void;
  onReset: () => void;
}) {
  const eventTypes = useKnownEventTypes();
  const problems = draftProblems(draft);
  const set = (change: Partial<AuditDraft>) => onChange({ ...draft, ...change });
  const objectKinds = AUDIT_OBJECT_KINDS.map((kind) => ({
    value: kind,
    label: text.objectKinds[kind] ?? kind,
  }));
  const actorKinds = AUDIT_ACTOR_KINDS.map((kind) => ({ value: kind, label: text.actorKinds[kind] ?? kind }));

  return (
    <Paper withBorder p="md" aria-label={text.filters} component="section">
      <DatesProvider settings={{ locale: 'uk', firstDayOfWeek: 1 }}>
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <Select
              label={text.objectKind}
              placeholder={text.any}
              data={objectKinds}
              clearable
              value={draft.object ?? null}
              onChange={(value) =>
                set({ object: value ?? undefined, ...(value ? {} : { objectId: undefined }) })
              }
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <TextInput
              label={text.objectId}
              value={draft.objectId ?? ''}
              error={problems.objectId}
              onChange={(event) => set({ objectId: event.currentTarget.value || undefined })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <Select
              label={text.actorKind}
              placeholder={text.any}
              data={actorKinds}
              clearable
              value={draft.actor ?? null}
              onChange={(value) =>
                set({ actor: value ?? undefined, ...(value ? {} : { actorId: undefined }) })
              }
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <TextInput
              label={text.actorId}
              value={draft.actorId ?? ''}
              error={problems.actorId}
              onChange={(event) => set({ actorId: event.currentTarget.value || undefined })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 2 }}>
            <NumberInput
              label={text.member}
              min={1}
              allowDecimal={false}
              allowNegative={false}
              hideControls
              value={draft.member ?? ''}
              error={problems.member}
              onChange={(value) => set({ member: value === '' ? undefined : value })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 'auto' }}>
            <TagsInput
              label={text.types}
              placeholder={draft.type?.length ? undefined : text.typesPlaceholder}
              data={eventTypes.data ?? []}
              clearable
              value={draft.type ?? []}
              onChange={(value) => set({ type: value.length ? value : undefined })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <DateInput
              label={text.from}
              valueFormat="DD.MM.YYYY"
              dateParser={dayOfTyped}
              placeholder="дд.мм.рррр"
              clearable
              value={draft.from ?? null}
              onChange={(value) => set({ from: value ?? undefined })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <DateInput
              label={text.to}
              valueFormat="DD.MM.YYYY"
              dateParser={dayOfTyped}
              placeholder="дд.мм.рррр"
              clearable
              value={draft.to ?? null}
              error={problems.to}
              onChange={(value) => set({ to: value ?? undefined })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 'content' }}>
            <Button variant="default" fullWidth onClick={onReset}>
              {text.reset}
            </Button>
          </Grid.Col>
        </Grid>
      </DatesProvider>
    </Paper>
  );
}
