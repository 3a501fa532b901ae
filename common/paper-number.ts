/** A parliamentary paper of the letters on military support: "Kamerstuk 22 054, nr. 453". Checked by the server and, before it asks for confirmation, by the browser. */
export const PAPER_NUMBER_PATTERN = /^Kamerstuk 22 054, nr\. [1-9][0-9]{0,4}$/;
