// Seed 000's VNC password policy, checked server-side. Written independently of the app's
// preload/shared/validation.ts so that the two can disagree, and a test can notice.
const SPECIALS = "()~!@#$%^&*-_+=|{}[]:;'/<>,.?";

/** Why the password breaks the policy, or undefined when it complies. */
export function vncPasswordProblem(password: string): string | undefined {
  const chars = Array.from(password);
  if (chars.length < 8 || chars.length > 30) return 'It must be 8 to 30 characters long.';
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/].filter((re) => chars.some((c) => re.test(c))).length;
  const hasSpecial = chars.some((c) => SPECIALS.includes(c));
  if (classes + (hasSpecial ? 1 : 0) < 3) {
    return 'It must contain at least three of: upper case, lower case, digits, special characters.';
  }
  if (!chars.every((c) => /^[A-Za-z0-9]$/.test(c) || SPECIALS.includes(c))) {
    return 'It contains a character that is not allowed.';
  }
  return undefined;
}
