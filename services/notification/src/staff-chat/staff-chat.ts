/** Where staff messages go: a Telegram chat, or the log on a developer's machine. */
export interface StaffChat {
  /** Posts one message; resolves with the chat's id for it once accepted. */
  post(text: string): Promise<{ messageId: number }>;
}
