/**
 * The `name` claim of a member's token. The seed wrote `"{first_name} {last_name}"`, which for a
 * member who has not filled in the profile yet (every new one) printed Python's `None None`.
 * Kasa keeps it a string, as a client splitting or showing it expects, made of the names the
 * member has: empty until they give one, never the word "None".
 */
export function memberTokenName(firstName: string | null, lastName: string | null): string {
  return [firstName, lastName]
    .map((name) => name?.trim() ?? '')
    .filter((name) => name !== '')
    .join(' ');
}
