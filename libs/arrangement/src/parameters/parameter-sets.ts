import type { AllowancePhaseOut } from './allowance-phase-out.js';
import type { ParameterSet } from './parameter-set.js';
import p202101 from './periods/2021-01.json' with { type: 'json' };
import p202107 from './periods/2021-07.json' with { type: 'json' };
import p202201 from './periods/2022-01.json' with { type: 'json' };
import p202207 from './periods/2022-07.json' with { type: 'json' };
import p202301 from './periods/2023-01.json' with { type: 'json' };
import p202307 from './periods/2023-07.json' with { type: 'json' };
import p202401 from './periods/2024-01.json' with { type: 'json' };
import p202407 from './periods/2024-07.json' with { type: 'json' };
import p202501 from './periods/2025-01.json' with { type: 'json' };
import p202507 from './periods/2025-07.json' with { type: 'json' };
import a2021 from './allowances/2021.json' with { type: 'json' };
import a2022 from './allowances/2022.json' with { type: 'json' };
import a2023 from './allowances/2023.json' with { type: 'json' };
import a2024 from './allowances/2024.json' with { type: 'json' };
import a2025 from './allowances/2025.json' with { type: 'json' };
import a2026 from './allowances/2026.json' with { type: 'json' };

/**
 * Every reviewed parameter set, oldest first. Adding a period is adding its data file here; the
 * consistency spec then checks it against the rest.
 */
export const PARAMETER_SETS: readonly ParameterSet[] = [p202101, p202107, p202201, p202207, p202301, p202307, p202401, p202407, p202501, p202507];

export const ALLOWANCE_YEARS: readonly AllowancePhaseOut[] = [a2021, a2022, a2023, a2024, a2025, a2026];
