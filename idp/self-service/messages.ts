import { dictionary } from '../pages/language.ts';

/**
 * The self-service error messages by stable code (the code goes into `data-code`), plus the
 * words several pages share. Page-specific wording lives next to each page.
 */
export const errorText = dictionary({
  hu: {
    kind_required: 'Válassza ki, hogy magánszemélyként vagy cégként regisztrál.',
    customer_number_invalid: 'Adja meg 8 számjegyű ügyfélszámát, például 10467023.',
    birth_date_invalid: 'Adja meg születési dátumát (év, hónap, nap).',
    postcode_invalid: 'Adja meg 4 számjegyű irányítószámát, például 4025.',
    tax_number_invalid: 'Adja meg cége adószámát 12345678-1-12 formában.',
    email_invalid: 'Adjon meg egy érvényes e-mail-címet, például nev@example.com.',
    password_mismatch: 'A két jelszó nem egyezik. Írja be ugyanazt a jelszót mindkét mezőbe.',
    details_mismatch: 'A megadott adatok nem egyeznek nyilvántartásunkkal.',
    too_many_attempts: 'Túl sok próbálkozás történt. Kérjük, próbálja újra később.',
    token_invalid: 'Ez a link már nem érvényes: lejárt, már felhasználták, vagy hiányos.',
  },
  en: {
    kind_required: 'Choose whether you are registering as a private person or as a company.',
    customer_number_invalid: 'Enter your 8-digit customer number, for example 10467023.',
    birth_date_invalid: 'Enter your date of birth (year, month, day).',
    postcode_invalid: 'Enter your 4-digit postcode, for example 4025.',
    tax_number_invalid: 'Enter your company’s tax number in the form 12345678-1-12.',
    email_invalid: 'Enter a valid e-mail address, for example name@example.com.',
    password_mismatch: 'The two passwords do not match. Type the same password in both fields.',
    details_mismatch: 'The details you gave do not match our records.',
    too_many_attempts: 'There have been too many tries. Please try again later.',
    token_invalid: 'This link is no longer valid: it has expired, has already been used, or is incomplete.',
  },
});

export type ErrorCode = keyof ReturnType<typeof errorText>;

export const common = dictionary({
  hu: {
    errorSummaryTitle: 'Kérjük, javítsa a következőket:',
    backToLogin: 'Vissza a bejelentkezéshez',
    login: 'Bejelentkezés az Ügyfélportálra',
    register: 'Regisztráció',
    forgotPassword: 'Elfelejtett jelszó',
    resendVerification: 'Nem kapta meg a megerősítő levelet?',
    passwordHint: 'Legalább 10 karakter. Jól megjegyezhető kifejezés is lehet, például néhány szó szóközzel.',
    passwordConfirm: 'Jelszó még egyszer',
    helpPhone: 'Ha elakadt, hívja ügyfélszolgálatunkat: +36 1 555 0100.',
  },
  en: {
    errorSummaryTitle: 'Please correct the following:',
    backToLogin: 'Back to log in',
    login: 'Log in to the Customer Portal',
    register: 'Register',
    forgotPassword: 'Forgotten password',
    resendVerification: 'Didn’t get the confirmation e-mail?',
    passwordHint: 'At least 10 characters. An easy-to-remember phrase works, for example a few words with spaces.',
    passwordConfirm: 'Password again',
    helpPhone: 'If you are stuck, call our customer service on +36 1 555 0100.',
  },
});
