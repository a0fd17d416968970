import { notifications } from '@mantine/notifications';

/**
 * Tells how a change went: a notification of success (a text, or one made from the result), or
 * the API's words. True when it went through.
 */
export async function report<T>(
  action: () => Promise<T>,
  success: string | ((result: T) => string),
): Promise<boolean> {
  try {
    const result = await action();
    notifications.show({ color: 'green', message: typeof success === 'string' ? success : success(result) });
    return true;
  } catch (error) {
    notifications.show({ color: 'red', message: error instanceof Error ? error.message : String(error) });
    return false;
  }
}
