// The message catalogues of the window, one file per language. English is the source; every other
// language must give every key (the type says so), so a missing translation is a compile error.
export { en, type MessageKey, type Messages } from './messages-en';
export { zhCN } from './messages-zh-CN';
