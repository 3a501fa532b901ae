-- The house style: the wordmark at the top of a letter and who signs it are the letter author's to set on the
-- draft (a new draft takes them from the letter before it). Finalising freezes them in the public snapshot.
alter table letter add column wordmark text not null default 'Ministerie van Defensie'
  constraint letter_wordmark_length check (char_length(wordmark) between 1 and 80);
alter table letter add column signatory_name text not null default ''
  constraint letter_signatory_name_length check (char_length(signatory_name) <= 120);
alter table letter add column signatory_title text not null default 'DE MINISTER VAN DEFENSIE'
  constraint letter_signatory_title_length check (char_length(signatory_title) between 1 and 120);
