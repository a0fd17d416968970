import '@mantine/dates/styles.css';
import 'dayjs/locale/uk';
import { Button, Group, MultiSelect, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { DateInput, DatesProvider } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { dayOfTyped } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import { amountMistyped, type PaymentFilters } from './payment-filters.ts';
import { PAYMENT_STATES, PAYMENT_TYPE_IDS, type PaymentState } from './payment-row.ts';

const text = messages.payments;

const TYPE_OPTIONS = PAYMENT_TYPE_IDS.map((id) => ({
  value: String(id),
  label: text.types[id] ?? String(id),
}));
// `reversed` is also where a LiqPay refund ends: the filter names both.
const STATE_OPTIONS = PAYMENT_STATES.map((state) => ({
  value: state,
  label:
    state === 'reversed'
      ? `${text.states[state]} / ${text.refunded.toLowerCase()}`
      : (text.states[state] ?? state),
}));
const FLAG_OPTIONS = [
  { value: '', label: text.filters.flaggedAny },
  { value: 'yes', label: text.filters.flaggedYes },
  { value: 'no', label: text.filters.flaggedNo },
];

/**
 * The register's filters. Lists and days apply at once; typed words and amounts after a pause
 * (300 ms), and an amount that is not one waits, saying so, instead of being sent.
 */
export function PaymentFilterBar({
  filters,
  onChange,
}: {
  filters: PaymentFilters;
  onChange: (change: Partial<PaymentFilters>) => void;
}) {
  const [certificate, setCertificate] = useState(filters.certificate ?? '');
  const [min, setMin] = useState(filters.min ?? '');
  const [max, setMax] = useState(filters.max ?? '');
  const [certificateSettled] = useDebouncedValue(certificate, 300);
  const [minSettled] = useDebouncedValue(min, 300);
  const [maxSettled] = useDebouncedValue(max, 300);

  useEffect(() => {
    const change: Partial<PaymentFilters> = {};
    if (certificateSettled.trim() !== (filters.certificate ?? ''))
      change.certificate = certificateSettled.trim() || undefined;
    if (!amountMistyped(minSettled) && minSettled.trim() !== (filters.min ?? ''))
      change.min = minSettled.trim() || undefined;
    if (!amountMistyped(maxSettled) && maxSettled.trim() !== (filters.max ?? ''))
      change.max = maxSettled.trim() || undefined;
    if (Object.keys(change).length > 0) onChange(change);
  }, [certificateSettled, minSettled, maxSettled, filters.certificate, filters.min, filters.max, onChange]);

  function reset() {
    setCertificate('');
    setMin('');
    setMax('');
    onChange({
      types: undefined,
      states: undefined,
      flagged: undefined,
      from: undefined,
      to: undefined,
      min: undefined,
      max: undefined,
      certificate: undefined,
    });
  }

  return (
    <DatesProvider settings={{ locale: 'uk', firstDayOfWeek: 1 }}>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <MultiSelect
            label={text.filters.types}
            placeholder={filters.types?.length ? undefined : text.filters.anyType}
            data={TYPE_OPTIONS}
            value={(filters.types ?? []).map(String)}
            onChange={(values) => onChange({ types: values.length ? values.map(Number) : undefined })}
            clearable
          />
          <MultiSelect
            label={text.filters.states}
            placeholder={filters.states?.length ? undefined : text.filters.anyState}
            data={STATE_OPTIONS}
            value={filters.states ?? []}
            onChange={(values) =>
              onChange({ states: values.length ? (values as PaymentState[]) : undefined })
            }
            clearable
          />
          <Select
            label={text.filters.flagged}
            data={FLAG_OPTIONS}
            value={filters.flagged ?? ''}
            onChange={(value) => onChange({ flagged: value === 'yes' || value === 'no' ? value : undefined })}
            allowDeselect={false}
          />
          <TextInput
            label={text.filters.certificate}
            value={certificate}
            onChange={(event) => setCertificate(event.currentTarget.value)}
          />
          <DateInput
            label={text.filters.from}
            valueFormat="DD.MM.YYYY"
            dateParser={dayOfTyped}
            placeholder={text.filters.dayPlaceholder}
            clearable
            value={filters.from ?? null}
            maxDate={filters.to}
            onChange={(value) => onChange({ from: value || undefined })}
          />
          <DateInput
            label={text.filters.to}
            valueFormat="DD.MM.YYYY"
            dateParser={dayOfTyped}
            placeholder={text.filters.dayPlaceholder}
            clearable
            value={filters.to ?? null}
            minDate={filters.from}
            onChange={(value) => onChange({ to: value || undefined })}
          />
          <TextInput
            label={text.filters.min}
            inputMode="decimal"
            value={min}
            error={amountMistyped(min) ? text.filters.notAmount : undefined}
            onChange={(event) => setMin(event.currentTarget.value)}
          />
          <TextInput
            label={text.filters.max}
            inputMode="decimal"
            value={max}
            error={amountMistyped(max) ? text.filters.notAmount : undefined}
            onChange={(event) => setMax(event.currentTarget.value)}
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button variant="subtle" size="xs" onClick={reset}>
            {text.filters.reset}
          </Button>
        </Group>
      </Paper>
    </DatesProvider>
  );
}
