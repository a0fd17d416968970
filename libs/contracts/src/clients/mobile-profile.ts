import { Type } from 'typebox';
import { Nullable } from '../http/members.ts';
import { SeedDate } from '../http/seed-dates.ts';
import { SeedMessageError, SeedStatusError, SeedSuccessFlag } from './seed-errors.ts';
import { SeedMemberProgramRow, SeedMemberRow } from './seed-rows.ts';

/**
 * The member's profile, programs, files and Diia in the mobile app (SPEC §6 rows 1, 2, 5–10,
 * 20, 21), as the seed's kasa-app/main.py answered them. Errors not listed per route are the
 * token check's `{message}` (401) and the common ones the gateway declares.
 */

/** seeds/000 kasa-app/main.py downloader: `send_from_directory`; the file itself. */
export const MobileFileNotFound = Type.Object(
  { ...SeedMessageError.properties },
  {
    description:
      "404: not the caller's file, or none. The seed answered Flask's HTML 404 page; Kasa answers " +
      "the member routes' JSON `{message}` (only the status was ever readable).",
  },
);

/** seeds/000 kasa-app/main.py get_apple_json: `{applinks: {details: [{appIDs, components}]}}`. */
export const MobileAppSiteAssociation = Type.Object({
  applinks: Type.Object({
    details: Type.Array(
      Type.Object({
        appIDs: Type.Array(Type.String({ examples: ['5JTBMP57KF.ua.org.lKassa'] })),
        components: Type.Array(Type.Object({ '/': Type.String({ examples: ['/diia/*'] }) })),
      }),
    ),
  }),
});

/** seeds/000 kasa-app/main.py program: `{program_id, program_name, program_file, month_price}` of a program. */
export const MobileProgram = Type.Object({
  program_id: Type.Integer({ minimum: 1 }),
  program_name: Type.String(),
  /** Table 2.7: the full URL of the terms (Kasa's `GET /program/{file}`); null while a program has none. */
  program_file: Nullable(Type.String({ description: 'The full URL of the terms document' })),
  month_price: Type.Number({ description: 'hryvnias' }),
  /** Kasa's: the same URL, under the name Kasa answered it by before the seed's contract was kept. */
  program_file_url: Type.Optional(Nullable(Type.String())),
});

/** seeds/000 kasa-app/main.py program: the active programs, a bare array. */
export const MobileProgramListAnswer = Type.Array(MobileProgram);

/**
 * seeds/000 kasa-app/main.py user_get: `model_to_dict(member)` with `birth_date` and
 * `expiration_date` as `%d.%m.%Y`, `photo` as `{host}/files/{id}/{photo}` or "", and `program`
 * the active program's `{program_id, program_name, program_file, month_price}`. Where the seed
 * found no active program it failed (500); Kasa answers `program: null`.
 */
export const MobileProfileGetAnswer = Type.Object({
  ...SeedMemberRow.properties,
  birth_date: Nullable(SeedDate),
  expiration_date: Nullable(SeedDate),
  photo: Type.String({ description: "The photo's full URL, or empty when there is none" }),
  /** Kasa's: the member reported a mistake in their name or birth date that staff have not seen yet. */
  has_correction_request: Type.Optional(Type.Boolean()),
  program: Nullable(MobileProgram),
});

/** seeds/000 kasa-app/main.py user_get: 403 `{message: 'Your profile is not approved yet'}`. */
export const MobileProfileNotApproved = SeedMessageError;

/** seeds/000 kasa-app/main.py user_profile_post: 200 `{message}`. */
export const MobileProfileCreateAnswer = Type.Object({ message: Type.String() });

/** seeds/000 kasa-app/main.py user_update: 200 `{message}`. */
export const MobileProfileEditAnswer = Type.Object({ message: Type.String() });

/** seeds/000 kasa-app/main.py profile_wrong: 200 `{message}`. */
export const MobileProfileWrongAnswer = Type.Object({ message: Type.String() });

/**
 * seeds/000 kasa-app/main.py user_profile_post, user_update, profile_wrong: 400 `{message}` (the
 * form's last validation line); user_update 422 `{message: 'Can not assign this phone number'}`.
 */
export const MobileProfileFormError = SeedMessageError;

/**
 * seeds/000 kasa-app/main.py program_change: `{status, message, data: model_to_dict(pm)}`, the new
 * Member_program row (`is_active` false, `is_new` true) with its member and program nested. The
 * seed's `status` was the literal text 'status', a slip: Kasa answers 'success'.
 */
export const MobileProgramChangeAnswer = Type.Object({
  status: Type.String({ examples: ['success'] }),
  message: Type.String(),
  data: SeedMemberProgramRow,
});

/** seeds/000 kasa-app/main.py program_change: `{status: 'error', message}`, 400 for the form. */
export const MobileProgramChangeError = SeedStatusError;

/**
 * seeds/000 kasa-app/main.py diia: Diia's own answer to the offer request (`{deeplink, …}`),
 * passed on as it came; Kasa adds `request_id`, what Diia will send the documents back with.
 */
export const MobileDiiaAnswer = Type.Object(
  {
    deeplink: Type.String({
      description: 'Open it on the phone: Diia asks the member to share the documents',
    }),
    request_id: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);

/** seeds/000 kasa-app/main.py diia_callback: 200 `{success: true}`. */
export const MobileDiiaCallbackAnswer = SeedSuccessFlag;

/** seeds/000 kasa-app/main.py diia_callback: 400 `{success: false}` when the form is not Diia's. */
export const MobileDiiaCallbackError = Type.Object({
  success: Type.Literal(false),
  message: Type.Optional(Type.String()),
});
