import { certificateHolder, nextCertificateNumber } from '../db/certificates.repository.ts';
import type { MemberDeps } from '../deps.ts';

/**
 * A certificate number for staff to assign (SPEC §3 Certificates): unique and increasing,
 * however many staff ask at once. A number staff already typed by hand for someone is
 * skipped. It is only handed out: the member's edit assigns it.
 */
export async function generateCertificate(deps: MemberDeps): Promise<string> {
  return deps.context.messaging.unitOfWork.run(async ({ tx }) => {
    for (;;) {
      const certificate = String(await nextCertificateNumber(tx));
      if ((await certificateHolder(tx, certificate)) === undefined) return certificate;
    }
  });
}
