/** The insurer's name in the portal header. A proper noun: the same in every language. */
export const INSURER_NAME = 'Gránit Pont Biztosító';
