import type { FileStore } from '@kasa/files';
import type { MemberFilePolicies } from '../files/member-file-policies.ts';

export type SeedRequestStatus = 'opened' | 'awaiting_agent' | 'awaiting_client' | 'closed';

/** A seed `member_program` row that may decide a member's program or pending change. */
export interface ProgramChoice {
  programId: number;
  /** When the seed row was made (ms), then its position in the run: the latest wins. */
  at: number;
  order: number;
  key: string;
}

/**
 * One run of the member service's import: its store and policies, and what it learns of the seed
 * as the steps read it. The facts are kept in memory only and learnt afresh at every run (every
 * step reads all of its table, also the rows brought over before), so a resumed run knows them
 * too; the verification compares them with what Kasa holds.
 */
export interface MemberImportRun {
  files: FileStore;
  policies: MemberFilePolicies;
  runStartedAt: Date;
  seed: {
    /** `files.id` → its name and owner (the identity documents name their file by id). */
    fileById: Map<number, { name: string; memberId: number | null }>;
    /** `identity_types.id` → its name, for the report of a type Kasa does not know. */
    identityTypeNames: Map<number, string>;
    /** `request_status.id` → the status its alias names, or null for an alias Kasa does not know. */
    statusById: Map<number, SeedRequestStatus | null>;
    /** Per member, the program the seed has them on, and the change they asked for, so far. */
    currentProgram: Map<number, ProgramChoice>;
    pendingProgram: Map<number, ProgramChoice>;
    /** Rows seen of `member_program`, for their position. */
    memberProgramRows: number;
    /** Phone (as Kasa keeps them) and certificate (lower case) → the first member holding it. */
    phoneHolders: Map<string, number>;
    certificateHolders: Map<string, number>;
  };
  /** What each member should hold in Kasa after the import, for the verification. */
  expected: {
    members: Map<
      number,
      { paidUntil: string | null; phone: string | null; certificate: string | null; photo: boolean }
    >;
    programs: Map<number, { terms: boolean }>;
    /** Members with a request waiting for staff. */
    waitingMembers: Set<number>;
    requests: number;
  };
}

export function newImportRun(files: FileStore, policies: MemberFilePolicies): MemberImportRun {
  return {
    files,
    policies,
    runStartedAt: new Date(),
    seed: {
      fileById: new Map(),
      identityTypeNames: new Map(),
      statusById: new Map(),
      currentProgram: new Map(),
      pendingProgram: new Map(),
      memberProgramRows: 0,
      phoneHolders: new Map(),
      certificateHolders: new Map(),
    },
    expected: { members: new Map(), programs: new Map(), waitingMembers: new Set(), requests: 0 },
  };
}
