import { Alert, Button, Checkbox, FileInput, Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { parseHryvnias } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import { type ProgramRow, useSaveProgram } from './programs-queries.ts';

const text = messages.programs.form;

/**
 * A new program, or a change to one (administrators): name, monthly price, whether members may
 * choose it, and its terms as a PDF (a change keeps the current file unless a new one is chosen).
 */
export function ProgramFormModal({ program, onClose }: { program: ProgramRow | null; onClose: () => void }) {
  const [name, setName] = useState(program?.program_name ?? '');
  const [price, setPrice] = useState(program ? String(program.month_price) : '');
  const [active, setActive] = useState(program ? program.is_active === 1 : true);
  const [terms, setTerms] = useState<File | null>(null);
  const save = useSaveProgram();
  const parsedPrice = price.trim() === '' ? null : parseHryvnias(price);
  const priceWrong = price.trim() !== '' && (parsedPrice === null || Number(parsedPrice) <= 0);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim() || parsedPrice === null || priceWrong) return;
    save.mutate(
      {
        ...(program ? { id: program.id } : {}),
        program_name: name.trim(),
        month_price: parsedPrice,
        is_active: active,
        terms,
      },
      {
        onSuccess: (answer) => {
          notifications.show({
            color: 'teal',
            message: program ? text.updated : text.created,
            title: answer.message,
          });
          onClose();
        },
      },
    );
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={program ? text.editTitle(program.program_name) : text.createTitle}
      size="md"
    >
      <form onSubmit={submit}>
        <Stack>
          {save.error && (
            <Alert color="red" role="alert">
              {save.error.message}
            </Alert>
          )}
          <TextInput
            label={text.name}
            required
            maxLength={128}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            data-autofocus
          />
          <TextInput
            label={text.price}
            required
            inputMode="decimal"
            value={price}
            error={priceWrong ? text.priceInvalid : undefined}
            onChange={(event) => setPrice(event.currentTarget.value)}
          />
          <FileInput
            label={text.terms}
            placeholder={text.termsPlaceholder}
            description={program?.program_file ? text.termsKeep : undefined}
            accept="application/pdf"
            clearable
            value={terms}
            onChange={setTerms}
          />
          <Checkbox
            label={text.active}
            checked={active}
            onChange={(event) => setActive(event.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {messages.common.cancel}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {messages.common.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
