export * from './profile-view.ts';
export { getProfile, customerNotFound } from './get-profile.ts';
export { updateProfile, type ProfileChangeInput, type UpdateProfileArgs, type UpdateProfileResult } from './update-profile.ts';
export { normalizeHungarianPhone } from './phone.ts';
