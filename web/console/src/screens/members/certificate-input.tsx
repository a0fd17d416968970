import { Button, Group, Text, TextInput } from '@mantine/core';
import { messages } from '../../i18n/messages.ts';
import { useGenerateCertificate } from './members-queries.ts';

const text = messages.members;

/** The certificate number field with a button that asks the API for a new, unique number. */
export function CertificateInput({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const generate = useGenerateCertificate();
  return (
    <div>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          label={text.certificate}
          value={value}
          maxLength={32}
          onChange={(event) => onChange(event.currentTarget.value)}
          flex={1}
        />
        <Button
          variant="light"
          loading={generate.isPending}
          onClick={() => generate.mutate(undefined, { onSuccess: (number) => onChange(number) })}
        >
          {text.generateCertificate}
        </Button>
      </Group>
      {generate.error && (
        <Text c="red" size="sm" mt={4} role="alert">
          {generate.error.message}
        </Text>
      )}
      {generate.data && generate.data === value && (
        <Text c="dimmed" size="xs" mt={4}>
          {text.certificateGenerated(generate.data)}
        </Text>
      )}
    </div>
  );
}
