export const staffActor = (staffId: number) => ({ kind: 'staff' as const, id: String(staffId) });
