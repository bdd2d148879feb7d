/** How many cards the popup's first screen shows: its own module, so the popup's earliest code can ask for them without loading the list. */
export const FIRST_PAGE = 8;
