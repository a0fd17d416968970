import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const INFRA_SCRIPT = `${REPO_ROOT}deploy/local/infra.sh`;
