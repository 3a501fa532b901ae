export const session = {
  loggedInAs: 'Ingelogd als {{name}}',
  logOut: 'Uitloggen',
  changePassword: 'Wachtwoord wijzigen',
  logOutFailed: 'Uitloggen is niet gelukt. Probeer het opnieuw.',
  unreachable: 'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.',
};

export const login = {
  title: 'Inloggen',
  intro: 'Log in met uw account voor het Steunregister.',
  submit: 'Inloggen',
  busy: 'Bezig met inloggen…',
  failed: 'De gebruikersnaam, het wachtwoord of de eenmalige code klopt niet. Heeft uw account een tweede factor, vul dan ook de code in.',
  throttled_one: 'Er is te vaak verkeerd ingelogd. Probeer het over {{count}} minuut opnieuw.',
  throttled_other: 'Er is te vaak verkeerd ingelogd. Probeer het over {{count}} minuten opnieuw.',
  expired: 'Uw sessie is verlopen. Log opnieuw in om verder te gaan waar u was.',
  loggedOut: 'U bent uitgelogd.',
  secondFactor: 'Log opnieuw in, nu met uw eenmalige code, om verder te gaan waar u was.',
  organisation: 'Inloggen met het account van uw organisatie',
  orPassword: 'Of log in met uw gebruikersnaam en wachtwoord:',
  public: 'Zonder in te loggen kunt u de verzonden brieven en de open data bekijken:',
  publicLink: 'naar de openbare informatie',
};

export const passwordChange = {
  title: 'Wachtwoord wijzigen',
  intro: 'Vul uw huidige wachtwoord in en kies een nieuw. Daarna eindigen uw sessies in andere browsers en op andere apparaten; hier blijft u ingelogd.',
  required: 'Een beheerder heeft een nieuw wachtwoord voor u ingesteld. Kies eerst een eigen wachtwoord; daarna kunt u verder in het register. Uw huidige wachtwoord is het wachtwoord dat u van de beheerder kreeg.',
  organisationOnly: 'U logt in met het account van uw organisatie en heeft in het Steunregister geen wachtwoord. Uw wachtwoord wijzigt u bij uw organisatie.',
  submit: 'Wachtwoord wijzigen',
  changed: 'Uw wachtwoord is gewijzigd.',
  otherSessionsEnded_zero: 'U was nergens anders ingelogd.',
  otherSessionsEnded_one: 'Uw sessie in een andere browser of op een ander apparaat is beëindigd; log daar opnieuw in met uw nieuwe wachtwoord.',
  otherSessionsEnded_other: 'Uw {{count}} sessies in andere browsers of op andere apparaten zijn beëindigd; log daar opnieuw in met uw nieuwe wachtwoord.',
  throttled_one: 'Er is te vaak een verkeerd wachtwoord ingevuld. Probeer het over {{count}} minuut opnieuw.',
  throttled_other: 'Er is te vaak een verkeerd wachtwoord ingevuld. Probeer het over {{count}} minuten opnieuw.',
};

export const access = {
  title: 'Geen toegang',
  notPermitted: 'Met uw rol ({{role}}) kunt u deze pagina niet gebruiken. Heeft u hier toegang nodig, vraag het dan aan de beheerder van het register.',
  secondFactorRequired: 'Deze gegevens zijn alleen te zien als u bent ingelogd met uw eenmalige code (tweede factor).',
  logInWithCode: 'Opnieuw inloggen met uw code',
  submitRefused: 'Met uw rol mag u dit niet. Er is niets opgeslagen.',
  home: 'Naar de startpagina',
};
