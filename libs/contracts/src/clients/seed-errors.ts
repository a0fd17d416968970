import { Type } from 'typebox';

/** The error bodies the seed's routes answer, each route its own (seeds/000). */

/** `jsonify({'message': ...})`: the member app's routes, and both apps' token checks. */
export const SeedMessageError = Type.Object({ message: Type.String() });

/** `jsonify({'status': 'error', 'message': ...})`: most admin routes and some member ones. */
export const SeedStatusError = Type.Object({ status: Type.String(), message: Type.String() });

/** `jsonify({'error': ...})`: the member app's request create and update. */
export const SeedErrorField = Type.Object({ error: Type.String() });

/** `jsonify({'success': False})`: the Diia callback. */
export const SeedSuccessFlag = Type.Object({ success: Type.Boolean() });

/** `jsonify({})`: admin `/signin` with a wrong login or password (404). */
export const SeedEmptyError = Type.Object({});
