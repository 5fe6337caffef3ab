<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
<context>
    <name>AccessibleNames</name>
    <message>
        <location filename="../../ui/panels/accessible_names.py"/>
        <source>Journey title</source>
        <translation>Titel van de klantreis</translation>
    </message>
    <message>
        <location filename="../../ui/panels/accessible_names.py"/>
        <source>Journey description</source>
        <translation>Beschrijving van de klantreis</translation>
    </message>
    <message>
        <location filename="../../ui/panels/accessible_names.py"/>
        <source>Persona name</source>
        <translation>Naam van de persona</translation>
    </message>
    <message>
        <location filename="../../ui/panels/accessible_names.py"/>
        <source>Persona description</source>
        <translation>Beschrijving van de persona</translation>
    </message>
    <message>
        <location filename="../../ui/panels/accessible_names.py"/>
        <source>Persona goals</source>
        <translation>Doelen van de persona</translation>
    </message>
    <message>
        <location filename="../../ui/panels/accessible_names.py"/>
        <source>Persona frustrations</source>
        <translation>Frustraties van de persona</translation>
    </message>
    <message>
        <location filename="../../ui/panels/accessible_names.py"/>
        <source>Channel</source>
        <translation>Kanaal</translation>
    </message>
    <message>
        <location filename="../../ui/panels/accessible_names.py"/>
        <source>Journey properties</source>
        <translation>Eigenschappen van de klantreis</translation>
    </message>
    <message>
        <location filename="../../ui/panels/accessible_names.py"/>
        <source>Card properties</source>
        <translation>Eigenschappen van de kaart</translation>
    </message>
    <message>
        <location filename="../../ui/panels/accessible_names.py"/>
        <source>Properties of the selected cards</source>
        <translation>Eigenschappen van de geselecteerde kaarten</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../ui/app.py"/>
        <source>cjmapper ran into an unexpected problem ({name}), so the last action may not have finished.

The details were written to the error output; please include them when you report this.</source>
        <translation>cjmapper liep tegen een onverwacht probleem aan ({name}), dus de laatste handeling is misschien niet afgemaakt.

De details staan in de foutuitvoer; stuur ze mee als je dit meldt.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py"/>
        <source>No password was given, so {0} was not opened.</source>
        <translation>Er is geen wachtwoord gegeven, dus {0} is niet geopend.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py"/>
        <source>cjmapper could not open the library ({0}: {1}).</source>
        <translation>cjmapper kon de bibliotheek niet openen ({0}: {1}).</translation>
    </message>
</context>
<context>
    <name>CanvasAccessibility</name>
    <message>
        <location filename="../../ui/canvas/accessible.py"/>
        <source>Untitled card</source>
        <translation>Kaart zonder titel</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/accessible.py"/>
        <source>score %1</source>
        <translation>score %1</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/accessible.py"/>
        <source>1 vote</source>
        <translation>1 stem</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/accessible.py"/>
        <source>%1 votes</source>
        <translation>%1 stemmen</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/accessible.py"/>
        <source>Expectation: %1</source>
        <translation>Verwachting: %1</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/accessible.py"/>
        <source>Owner: %1</source>
        <translation>Eigenaar: %1</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/accessible.py"/>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/accessible.py"/>
        <source>%1, %2: no cards</source>
        <translation>%1, %2: geen kaarten</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/accessible.py"/>
        <source>%1, %2: 1 card</source>
        <translation>%1, %2: 1 kaart</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/accessible.py"/>
        <source>%1, %2: %3 cards</source>
        <translation>%1, %2: %3 kaarten</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/accessible.py"/>
        <source>Phase %1 of %2</source>
        <translation>Fase %1 van %2</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/accessible.py"/>
        <source>1 touchpoint</source>
        <translation>1 contactmoment</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/accessible.py"/>
        <source>%1 touchpoints</source>
        <translation>%1 contactmomenten</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/accessible.py"/>
        <source>average score %1</source>
        <translation>gemiddelde score %1</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/accessible.py"/>
        <source>%1: average score %2</source>
        <translation>%1: gemiddelde score %2</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/accessible.py"/>
        <source>No scored cards yet</source>
        <translation>Nog geen kaarten met een score</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/accessible.py"/>
        <source>Phase name</source>
        <translation>Naam van de fase</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/accessible.py"/>
        <source>Lane name</source>
        <translation>Naam van de rij</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/accessible.py"/>
        <source>Card title</source>
        <translation>Titel van de kaart</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/accessible.py"/>
        <source>Journey map</source>
        <translation>Klantreis</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/accessible.py"/>
        <source>Journey map: %1</source>
        <translation>Klantreis: %1</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/accessible.py"/>
        <source>Arrow keys move from card to card, F2 edits the title, Ctrl+Enter adds a card after it.</source>
        <translation>Met de pijltjestoetsen ga je van kaart naar kaart, F2 bewerkt de titel, Ctrl+Enter voegt er een kaart na toe.</translation>
    </message>
</context>
<context>
    <name>CardFields</name>
    <message>
        <location filename="../../cjmapper/card_fields.py"/>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <location filename="../../cjmapper/card_fields.py"/>
        <source>&amp;Notes</source>
        <translation>&amp;Notities</translation>
    </message>
    <message>
        <location filename="../../cjmapper/card_fields.py"/>
        <source>&amp;Channel</source>
        <translation>&amp;Kanaal</translation>
    </message>
    <message>
        <location filename="../../cjmapper/card_fields.py"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../cjmapper/card_fields.py"/>
        <source>&amp;Expectation</source>
        <translation>&amp;Verwachting</translation>
    </message>
    <message>
        <location filename="../../cjmapper/card_fields.py"/>
        <source>&amp;Owner</source>
        <translation>&amp;Eigenaar</translation>
    </message>
    <message>
        <location filename="../../cjmapper/card_fields.py"/>
        <source>Who in the business looks after this</source>
        <translation>Wie in het bedrijf hiervoor zorgt</translation>
    </message>
    <message>
        <location filename="../../cjmapper/card_fields.py"/>
        <source>Colour</source>
        <translation>Kleur</translation>
    </message>
    <message>
        <location filename="../../cjmapper/card_fields.py"/>
        <source>&amp;Votes</source>
        <translation>&amp;Stemmen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/card_fields.py"/>
        <source>Dot votes from a workshop</source>
        <translation>Stemmen (stippen) uit een workshop</translation>
    </message>
    <message>
        <location filename="../../cjmapper/card_fields.py"/>
        <source>St&amp;atus</source>
        <translation>St&amp;atus</translation>
    </message>
    <message>
        <location filename="../../cjmapper/card_fields.py"/>
        <source>Where the follow-up stands: for pain points and opportunities</source>
        <translation>Hoe ver de opvolging is: voor knelpunten en kansen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/card_fields.py"/>
        <source>None</source>
        <translation>Geen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/card_fields.py"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../cjmapper/card_fields.py"/>
        <source>In progress</source>
        <translation>Bezig</translation>
    </message>
    <message>
        <location filename="../../cjmapper/card_fields.py"/>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <location filename="../../cjmapper/card_fields.py"/>
        <source>Tar&amp;get</source>
        <translation>&amp;Gewenste score</translation>
    </message>
    <message>
        <location filename="../../cjmapper/card_fields.py"/>
        <source>The score this touchpoint should get (to-be)</source>
        <translation>De score die dit contactmoment zou moeten krijgen (gewenst)</translation>
    </message>
    <message>
        <location filename="../../cjmapper/card_fields.py"/>
        <source>&amp;Impact</source>
        <translation>&amp;Impact</translation>
    </message>
    <message>
        <location filename="../../cjmapper/card_fields.py"/>
        <source>Its place up the prioritising matrix, 0 to 100 (Journey &gt; Prioritise)</source>
        <translation>De plek omhoog op de prioriteringsmatrix, 0 tot en met 100 (Klantreis &gt; Prioriteren)</translation>
    </message>
    <message>
        <location filename="../../cjmapper/card_fields.py"/>
        <source>E&amp;ffort</source>
        <translation>I&amp;nspanning</translation>
    </message>
    <message>
        <location filename="../../cjmapper/card_fields.py"/>
        <source>Its place across the prioritising matrix, 0 to 100 (Journey &gt; Prioritise)</source>
        <translation>De plek opzij op de prioriteringsmatrix, 0 tot en met 100 (Klantreis &gt; Prioriteren)</translation>
    </message>
</context>
<context>
    <name>CardImageView</name>
    <message>
        <location filename="../../ui/panels/card_image.py"/>
        <source>Attach Image…</source>
        <translation>Afbeelding toevoegen…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/card_image.py"/>
        <source>Remove Image</source>
        <translation>Afbeelding verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/panels/card_image.py"/>
        <source>Replace Image…</source>
        <translation>Afbeelding vervangen…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/card_image.py"/>
        <source>Attach Image</source>
        <translation>Afbeelding toevoegen</translation>
    </message>
</context>
<context>
    <name>CardImportActions</name>
    <message>
        <location filename="../../ui/window/card_import_actions.py"/>
        <source>Import &amp;Cards…</source>
        <translation>&amp;Kaarten importeren…</translation>
    </message>
    <message>
        <location filename="../../ui/window/card_import_actions.py"/>
        <source>Add cards from a CSV or XLSX file: one card on each row</source>
        <translation>Kaarten toevoegen uit een CSV- of XLSX-bestand: één kaart per regel</translation>
    </message>
</context>
<context>
    <name>CardImportDialog</name>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>Import Cards</source>
        <translation>Kaarten importeren</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>Lane</source>
        <translation>Rij</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>Channel</source>
        <translation>Kanaal</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>Owner</source>
        <translation>Eigenaar</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>Votes</source>
        <translation>Stemmen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>Expectation</source>
        <translation>Verwachting</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>No file chosen.</source>
        <translation>Geen bestand gekozen.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>&amp;Choose File…</source>
        <translation>Bestand &amp;kiezen…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>This journey: {0}</source>
        <translation>Deze klantreis: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>A new journey from the template {0}</source>
        <translation>Een nieuwe klantreis van het sjabloon {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>&amp;Into:</source>
        <translation>&amp;Naar:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>Column in the file</source>
        <translation>Kolom in het bestand</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>Card field</source>
        <translation>Veld van de kaart</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>&amp;Import</source>
        <translation>&amp;Importeren</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>Spreadsheets (*.csv *.xlsx *.tsv *.txt);;All files (*)</source>
        <translation>Spreadsheets (*.csv *.xlsx *.tsv *.txt);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>Reading {0}…</source>
        <translation>{0} lezen…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>column {0}</source>
        <translation>kolom {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>(ignore)</source>
        <translation>(negeren)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>Create the missing phases ({0}) and lanes ({1})</source>
        <translation>De ontbrekende fasen ({0}) en rijen ({1}) maken</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>Create the missing phases: {0}</source>
        <translation>De ontbrekende fasen maken: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>Create the missing lanes: {0}</source>
        <translation>De ontbrekende rijen maken: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>Choose a CSV or XLSX file with a card on each row.</source>
        <translation>Kies een CSV- of XLSX-bestand met een kaart op elke regel.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>{0} rows: {1} new cards, {2} problems.</source>
        <translation>{0} regels: {1} nieuwe kaarten, {2} problemen.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>Imported cards</source>
        <translation>Geïmporteerde kaarten</translation>
    </message>
</context>
<context>
    <name>ChannelCombo</name>
    <message>
        <location filename="../../ui/panels/field_editors.py"/>
        <source>No channel</source>
        <translation>Geen kanaal</translation>
    </message>
    <message>
        <location filename="../../ui/panels/field_editors.py"/>
        <source>Mixed</source>
        <translation>Verschillend</translation>
    </message>
</context>
<context>
    <name>ChannelPalette</name>
    <message>
        <location filename="../../ui/panels/palette.py"/>
        <source>Filter channels</source>
        <translation>Kanalen filteren</translation>
    </message>
    <message>
        <location filename="../../ui/panels/palette.py"/>
        <source>Channels</source>
        <translation>Kanalen</translation>
    </message>
    <message>
        <location filename="../../ui/panels/palette.py"/>
        <source>Custom channel</source>
        <translation>Eigen kanaal</translation>
    </message>
    <message>
        <location filename="../../ui/panels/palette.py"/>
        <source>Custom channel…</source>
        <translation>Eigen kanaal…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/palette.py"/>
        <source>%1 (key: %2). Drag it onto the map, or press Enter to add it to the selected cell.</source>
        <translation>%1 (sleutel: %2). Sleep het naar de klantreis, of druk op Enter om het aan het gekozen vak toe te voegen.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/palette.py"/>
        <source>No channel in the catalogue matches “%1”. Type it as a custom channel below.</source>
        <translation>Geen kanaal in de lijst past bij “%1”. Typ het hieronder als eigen kanaal.</translation>
    </message>
</context>
<context>
    <name>ColorPicker</name>
    <message>
        <location filename="../../ui/panels/field_editors.py"/>
        <source>Choose a colour…</source>
        <translation>Kies een kleur…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/field_editors.py"/>
        <source>Card colour</source>
        <translation>Kleur van de kaart</translation>
    </message>
    <message>
        <location filename="../../ui/panels/field_editors.py"/>
        <source>Colour %1</source>
        <translation>Kleur %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/field_editors.py"/>
        <source>Default</source>
        <translation>Standaard</translation>
    </message>
    <message>
        <location filename="../../ui/panels/field_editors.py"/>
        <source>Back to the default colour</source>
        <translation>Terug naar de standaardkleur</translation>
    </message>
    <message>
        <location filename="../../ui/panels/field_editors.py"/>
        <source>Mixed</source>
        <translation>Verschillend</translation>
    </message>
    <message>
        <location filename="../../ui/panels/field_editors.py"/>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
</context>
<context>
    <name>CommentActions</name>
    <message>
        <location filename="../../ui/window/comment_actions.py"/>
        <source>Add &amp;Comment…</source>
        <translation>Op&amp;merking toevoegen…</translation>
    </message>
    <message>
        <location filename="../../ui/window/comment_actions.py"/>
        <source>Write a comment on the selected card</source>
        <translation>Schrijf een opmerking bij de geselecteerde kaart</translation>
    </message>
    <message>
        <location filename="../../ui/window/comment_actions.py"/>
        <source>Select one card to comment on.</source>
        <translation>Selecteer één kaart om een opmerking bij te schrijven.</translation>
    </message>
</context>
<context>
    <name>CommentEntry</name>
    <message>
        <location filename="../../ui/panels/comment_thread.py"/>
        <source> · resolved</source>
        <translation> · afgehandeld</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comment_thread.py"/>
        <source>(no name)</source>
        <translation>(geen naam)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comment_thread.py"/>
        <source>Reply</source>
        <translation>Beantwoorden</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comment_thread.py"/>
        <source>Reopen</source>
        <translation>Heropenen</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comment_thread.py"/>
        <source>Resolve</source>
        <translation>Afhandelen</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comment_thread.py"/>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
</context>
<context>
    <name>CommentThread</name>
    <message>
        <location filename="../../ui/panels/comment_thread.py"/>
        <source>Write a comment…</source>
        <translation>Schrijf een opmerking…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comment_thread.py"/>
        <source>&amp;Add Comment</source>
        <translation>Opmerking &amp;toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comment_thread.py"/>
        <source>Add the comment (Ctrl+Enter)</source>
        <translation>Voeg de opmerking toe (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comment_thread.py"/>
        <source>Cancel Reply</source>
        <translation>Antwoord annuleren</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comment_thread.py"/>
        <source>Comments ({0} open)</source>
        <translation>Opmerkingen ({0} open)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comment_thread.py"/>
        <source>Comments</source>
        <translation>Opmerkingen</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comment_thread.py"/>
        <source>Reply to {0}:</source>
        <translation>Antwoord aan {0}:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comment_thread.py"/>
        <source>(no name)</source>
        <translation>(geen naam)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comment_thread.py"/>
        <source>&amp;Reply</source>
        <translation>&amp;Beantwoorden</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comment_thread.py"/>
        <source>A comment holds at most {0} characters.</source>
        <translation>Een opmerking bevat hoogstens {0} tekens.</translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <location filename="../../ui/panels/comments_panel.py"/>
        <source>Show &amp;resolved</source>
        <translation>&amp;Afgehandelde tonen</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comments_panel.py"/>
        <source> (resolved)</source>
        <translation> (afgehandeld)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comments_panel.py"/>
        <source>No journey is open.</source>
        <translation>Er is geen klantreis open.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comments_panel.py"/>
        <source>{0} open comments</source>
        <translation>{0} open opmerkingen</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comments_panel.py"/>
        <source>{0} open comment</source>
        <translation>{0} open opmerking</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comments_panel.py"/>
        <source>No open comments. Right-click a card and choose Add Comment… to add one.</source>
        <translation>Geen open opmerkingen. Klik met de rechtermuisknop op een kaart en kies Opmerking toevoegen… om er een te schrijven.</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py"/>
        <source>Compare Versions of {0}</source>
        <translation>Versies van {0} vergelijken</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py"/>
        <source>Compare from</source>
        <translation>Vergelijken van</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py"/>
        <source>Compare to</source>
        <translation>Vergelijken met</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py"/>
        <source>No versions yet. Save one in Journey › Versions… to compare the journey with it.</source>
        <translation>Nog geen versies. Sla er een op via Klantreis › Versies… om de klantreis ermee te vergelijken.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py"/>
        <source>&amp;Side by side</source>
        <translation>&amp;Naast elkaar</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py"/>
        <source>Each version on a map of its own, the earlier one on the left</source>
        <translation>Elke versie op een eigen overzicht, de eerdere links</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py"/>
        <source>Differences</source>
        <translation>Verschillen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py"/>
        <source>Poster paper</source>
        <translation>Papier van de poster</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py"/>
        <source>{0} landscape</source>
        <translation>{0} liggend</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py"/>
        <source>{0} portrait</source>
        <translation>{0} staand</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py"/>
        <source>Export &amp;Poster…</source>
        <translation>&amp;Poster exporteren…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py"/>
        <source>Both maps on one sheet, the differences marked, with the summary</source>
        <translation>Beide versies van de klantreis op één vel, de verschillen gemarkeerd, met de samenvatting</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py"/>
        <source>&amp;From:</source>
        <translation>&amp;Van:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py"/>
        <source>&amp;To:</source>
        <translation>&amp;Met:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py"/>
        <source>Differences:</source>
        <translation>Verschillen:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py"/>
        <source>The journey now</source>
        <translation>De klantreis nu</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py"/>
        <source>{0} (saved {1})</source>
        <translation>{0} (opgeslagen {1})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py"/>
        <source>now</source>
        <translation>nu</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py"/>
        <source>No differences.</source>
        <translation>Geen verschillen.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py"/>
        <source>Export comparison poster</source>
        <translation>Vergelijkingsposter exporteren</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-documenten (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py"/>
        <source>Poster written to {0}</source>
        <translation>Poster opgeslagen als {0}</translation>
    </message>
</context>
<context>
    <name>CustomChannelEntry</name>
    <message>
        <location filename="../../ui/panels/palette.py"/>
        <source>drag</source>
        <translation>slepen</translation>
    </message>
    <message>
        <location filename="../../ui/panels/palette.py"/>
        <source>Drag “%1” onto the map, or press Enter in the field above to add it to the selected cell.</source>
        <translation>Sleep “%1” naar de klantreis, of druk op Enter in het veld hierboven om het aan het gekozen vak toe te voegen.</translation>
    </message>
</context>
<context>
    <name>DamageBanner</name>
    <message>
        <location filename="../../ui/dialogs/recovery.py"/>
        <source>Export All Journeys…</source>
        <translation>Alle klantreizen exporteren…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery.py"/>
        <source>{0} is damaged: it failed its integrity check ({1}). It is open read-only, so nothing more is lost; edits are off. Export its journeys and import them into a new library.</source>
        <translation>{0} is beschadigd: de integriteitscontrole is mislukt ({1}). De bibliotheek is alleen-lezen geopend, zodat er niets meer verloren gaat; bewerken staat uit. Exporteer de klantreizen en importeer ze in een nieuwe bibliotheek.</translation>
    </message>
</context>
<context>
    <name>DeckJob</name>
    <message>
        <location filename="../../ui/export/export_jobs.py"/>
        <source>The PowerPoint file could not be made because of an unexpected problem ({0}).</source>
        <translation>Het PowerPoint-bestand kon niet worden gemaakt door een onverwacht probleem ({0}).</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_jobs.py"/>
        <source>The PowerPoint file could not be written to {0}: {1}.</source>
        <translation>Het PowerPoint-bestand kon niet worden opgeslagen als {0}: {1}.</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>Export &amp;Poster…</source>
        <translation>&amp;Poster exporteren…</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>Export the journey as a PDF poster to print</source>
        <translation>De klantreis exporteren als PDF-poster om te printen</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>Export Pic&amp;ture…</source>
        <translation>Af&amp;beelding exporteren…</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>Export the journey as a PNG or SVG picture</source>
        <translation>De klantreis exporteren als PNG- of SVG-afbeelding</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>Export Journey as &amp;JSON…</source>
        <translation>Klantreis exporteren als &amp;JSON…</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>Journey files (*.json)</source>
        <translation>Klantreisbestanden (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>Export Journey as &amp;CSV…</source>
        <translation>Klantreis exporteren als &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>Spreadsheets (*.csv)</source>
        <translation>Spreadsheets (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>Export Journey as E&amp;xcel Workbook…</source>
        <translation>Klantreis exporteren als E&amp;xcel-werkmap…</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-werkmappen (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>Export Journey as &amp;Mermaid…</source>
        <translation>Klantreis exporteren als Mermai&amp;d…</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>Mermaid journeys (*.mmd)</source>
        <translation>Mermaid-journeys (*.mmd)</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>Export Journey as {0}…</source>
        <translation>Klantreis exporteren als {0}…</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>{0} files (*{1})</source>
        <translation>{0}-bestanden (*{1})</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>Export journey</source>
        <translation>Klantreis exporteren</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>Exported “{0}” to {1}. {2}</source>
        <translation>“{0}” is geëxporteerd naar {1}. {2}</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>Exported “{0}” to {1}</source>
        <translation>“{0}” is geëxporteerd naar {1}</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>A poster is being exported already; wait for it or cancel it.</source>
        <translation>Er wordt al een poster geëxporteerd; wacht tot die klaar is of annuleer de export.</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>Exporting poster {0}</source>
        <translation>Poster {0} exporteren</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>1 sheet</source>
        <translation>1 vel</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>{0} sheets</source>
        <translation>{0} vellen</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>Saved the poster as {0} ({1})</source>
        <translation>De poster is opgeslagen als {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>Poster export cancelled; no file was written.</source>
        <translation>Posterexport geannuleerd; er is geen bestand opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>The poster could not be exported.</source>
        <translation>De poster kon niet worden geëxporteerd.</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>PNG pictures (*.png)</source>
        <translation>PNG-afbeeldingen (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG-tekeningen (*.svg)</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>Export picture</source>
        <translation>Afbeelding exporteren</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>The picture could not be written to {0}: {1}.</source>
        <translation>De afbeelding kon niet worden opgeslagen als {0}: {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>Saved the picture as {0}</source>
        <translation>De afbeelding is opgeslagen als {0}</translation>
    </message>
    <message>
        <location filename="../../ui/window/export_actions.py"/>
        <source>Will not write {0}: it is the open library {1} or one of its own files; choose another name.</source>
        <translation>{0} wordt niet geschreven: dat is de geopende bibliotheek {1} of een van haar eigen bestanden; kies een andere naam.</translation>
    </message>
</context>
<context>
    <name>ExportProgress</name>
    <message>
        <location filename="../../ui/export/export_progress.py"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_progress.py"/>
        <source>Stop the export; no file is written</source>
        <translation>De export stoppen; er wordt geen bestand opgeslagen</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_progress.py"/>
        <source>Cancelling…</source>
        <translation>Annuleren…</translation>
    </message>
</context>
<context>
    <name>FileOpener</name>
    <message>
        <location filename="../../ui/window/file_opening.py"/>
        <source>{0} is not a file on this computer</source>
        <translation>{0} is geen bestand op deze computer</translation>
    </message>
    <message>
        <location filename="../../ui/window/file_opening.py"/>
        <source>{0} is open read-only</source>
        <translation>{0} is alleen-lezen geopend</translation>
    </message>
    <message>
        <location filename="../../ui/window/file_opening.py"/>
        <source>Imported “{0}” from {1}</source>
        <translation>“{0}” geïmporteerd uit {1}</translation>
    </message>
    <message>
        <location filename="../../ui/window/file_opening.py"/>
        <source>Nothing was opened or imported: {0}</source>
        <translation>Niets geopend of geïmporteerd: {0}</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/panels/filter_bar.py"/>
        <source>&amp;Edit Filter…</source>
        <translation>Filter &amp;bewerken…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/filter_bar.py"/>
        <source>&amp;Clear Filter</source>
        <translation>Filter &amp;wissen</translation>
    </message>
    <message>
        <location filename="../../ui/panels/filter_bar.py"/>
        <source>Filter on: {0} of {1} cards shown</source>
        <translation>Filter aan: {0} van {1} kaarten getoond</translation>
    </message>
</context>
<context>
    <name>FilterDialog</name>
    <message>
        <location filename="../../ui/dialogs/filter_dialog.py"/>
        <source>Filter Cards</source>
        <translation>Kaarten filteren</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/filter_dialog.py"/>
        <source>(no channel)</source>
        <translation>(geen kanaal)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/filter_dialog.py"/>
        <source>(no owner)</source>
        <translation>(geen eigenaar)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/filter_dialog.py"/>
        <source>&amp;Score from</source>
        <translation>&amp;Score van</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/filter_dialog.py"/>
        <source>Lowest score</source>
        <translation>Laagste score</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/filter_dialog.py"/>
        <source>Highest score</source>
        <translation>Hoogste score</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/filter_dialog.py"/>
        <source>to</source>
        <translation>tot en met</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/filter_dialog.py"/>
        <source>The persona</source>
        <translation>De persona</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/filter_dialog.py"/>
        <source>Persona {0}</source>
        <translation>Persona {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/filter_dialog.py"/>
        <source>Whose scores the score range reads</source>
        <translation>Van wie de scores tellen voor het scorebereik</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/filter_dialog.py"/>
        <source>any number</source>
        <translation>elk aantal</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/filter_dialog.py"/>
        <source>Least number of votes</source>
        <translation>Minimaal aantal stemmen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/filter_dialog.py"/>
        <source>No status</source>
        <translation>Geen status</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/filter_dialog.py"/>
        <source>&amp;Lanes</source>
        <translation>&amp;Rijen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/filter_dialog.py"/>
        <source>C&amp;hannels</source>
        <translation>&amp;Kanalen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/filter_dialog.py"/>
        <source>&amp;Owners</source>
        <translation>&amp;Eigenaren</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/filter_dialog.py"/>
        <source>Scores of:</source>
        <translation>Scores van:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/filter_dialog.py"/>
        <source>Score range:</source>
        <translation>Scorebereik:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/filter_dialog.py"/>
        <source>&amp;At least votes:</source>
        <translation>&amp;Minimaal stemmen:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/filter_dialog.py"/>
        <source>Status one of:</source>
        <translation>Status is een van:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/filter_dialog.py"/>
        <source>C&amp;lear All</source>
        <translation>&amp;Alles wissen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/filter_dialog.py"/>
        <source>Cards that do not match every choice are dimmed; nothing is removed.</source>
        <translation>Kaarten die niet aan elke keuze voldoen, worden gedimd; er wordt niets verwijderd.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/filter_dialog.py"/>
        <source>No filter: all {0} cards are shown.</source>
        <translation>Geen filter: alle {0} kaarten worden getoond.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/filter_dialog.py"/>
        <source>{0} of {1} cards match.</source>
        <translation>{0} van {1} kaarten voldoen.</translation>
    </message>
</context>
<context>
    <name>FindActions</name>
    <message>
        <location filename="../../ui/window/find_actions.py"/>
        <source>F&amp;ind Cards…</source>
        <translation>Kaarten &amp;zoeken…</translation>
    </message>
    <message>
        <location filename="../../ui/window/find_actions.py"/>
        <source>Find the cards of this journey by their words</source>
        <translation>Zoek de kaarten van deze klantreis op hun woorden</translation>
    </message>
    <message>
        <location filename="../../ui/window/find_actions.py"/>
        <source>Find &amp;Next</source>
        <translation>Vol&amp;gende zoeken</translation>
    </message>
    <message>
        <location filename="../../ui/window/find_actions.py"/>
        <source>Find Pre&amp;vious</source>
        <translation>Vor&amp;ige zoeken</translation>
    </message>
    <message>
        <location filename="../../ui/window/find_actions.py"/>
        <source>Filte&amp;r…</source>
        <translation>&amp;Filteren…</translation>
    </message>
    <message>
        <location filename="../../ui/window/find_actions.py"/>
        <source>Dim the cards that do not match a lane, channel, owner, score or status</source>
        <translation>Dim de kaarten die niet passen bij een rij, kanaal, eigenaar, score of status</translation>
    </message>
    <message>
        <location filename="../../ui/window/find_actions.py"/>
        <source>Clear Filt&amp;er</source>
        <translation>Filter wiss&amp;en</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../ui/canvas/find_bar.py"/>
        <source>Find cards: title, notes, owner, channel</source>
        <translation>Zoek kaarten: titel, notities, eigenaar, kanaal</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/find_bar.py"/>
        <source>Find cards</source>
        <translation>Kaarten zoeken</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/find_bar.py"/>
        <source>Previous card (Shift+Enter)</source>
        <translation>Vorige kaart (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/find_bar.py"/>
        <source>Next card (Enter)</source>
        <translation>Volgende kaart (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/find_bar.py"/>
        <source>Close the find bar (Esc)</source>
        <translation>Zoekbalk sluiten (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/find_bar.py"/>
        <source>Close the find bar</source>
        <translation>Zoekbalk sluiten</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/find_bar.py"/>
        <source>Find:</source>
        <translation>Zoeken:</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/find_bar.py"/>
        <source>No cards</source>
        <translation>Geen kaarten</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/find_bar.py"/>
        <source>Card {0} of {1}</source>
        <translation>Kaart {0} van {1}</translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <location filename="../../ui/dialogs/help_pages.py"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_pages.py"/>
        <source>How to Run a &amp;Workshop</source>
        <translation>Een &amp;workshop geven</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_pages.py"/>
        <source>Keyboard Shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_pages.py"/>
        <source>Elsewhere</source>
        <translation>Overige</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_pages.py"/>
        <source>How to Run a Workshop</source>
        <translation>Een workshop geven</translation>
    </message>
</context>
<context>
    <name>ImageActions</name>
    <message>
        <location filename="../../ui/window/image_actions.py"/>
        <source>&amp;Wall Photo…</source>
        <translation>Foto van de &amp;muur…</translation>
    </message>
    <message>
        <location filename="../../ui/window/image_actions.py"/>
        <source>A photo of the workshop&apos;s wall, printed on the poster&apos;s back page</source>
        <translation>Een foto van de muur van de workshop, afgedrukt op de achterpagina van de poster</translation>
    </message>
</context>
<context>
    <name>JourneyActions</name>
    <message>
        <location filename="../../ui/window/journey_actions.py"/>
        <source>New journey</source>
        <translation>Nieuwe klantreis</translation>
    </message>
    <message>
        <location filename="../../ui/window/journey_actions.py"/>
        <source>Rename journey</source>
        <translation>Klantreis hernoemen</translation>
    </message>
    <message>
        <location filename="../../ui/window/journey_actions.py"/>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <location filename="../../ui/window/journey_actions.py"/>
        <source>Delete journey</source>
        <translation>Klantreis verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/window/journey_actions.py"/>
        <source>Delete “{0}” with its {1} touchpoints? You can undo this.</source>
        <translation>“{0}” met {1} contactmomenten verwijderen? Je kunt dit ongedaan maken.</translation>
    </message>
    <message>
        <location filename="../../ui/window/journey_actions.py"/>
        <source>Delete the damaged journey “{0}”?</source>
        <translation>De beschadigde klantreis “{0}” verwijderen?</translation>
    </message>
    <message>
        <location filename="../../ui/window/journey_actions.py"/>
        <source>Delete the damaged journey {0}?</source>
        <translation>De beschadigde klantreis {0} verwijderen?</translation>
    </message>
    <message>
        <location filename="../../ui/window/journey_actions.py"/>
        <source>It cannot be read, so this cannot be undone. To keep what can still be read of this library, use File › Export All Journeys… first.</source>
        <translation>Ze kan niet worden gelezen, dus dit kun je niet ongedaan maken. Gebruik eerst Bestand › Alle klantreizen exporteren… om te bewaren wat er in deze bibliotheek nog te lezen is.</translation>
    </message>
    <message>
        <location filename="../../ui/window/journey_actions.py"/>
        <source>New phase</source>
        <translation>Nieuwe fase</translation>
    </message>
    <message>
        <location filename="../../ui/window/journey_actions.py"/>
        <source>New lane</source>
        <translation>Nieuwe rij</translation>
    </message>
</context>
<context>
    <name>JourneyCanvas</name>
    <message>
        <location filename="../../ui/canvas/capture.py"/>
        <source>Type to add a card</source>
        <translation>Typ om een kaart toe te voegen</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/card_images.py"/>
        <source>Pictures (*.png *.jpg *.jpeg);;All files (*)</source>
        <translation>Afbeeldingen (*.png *.jpg *.jpeg);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/grid_items.py"/>
        <source>1 touchpoint</source>
        <translation>1 kaart</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/grid_items.py"/>
        <source>{0} touchpoints</source>
        <translation>{0} kaarten</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/grid_items.py"/>
        <source>avg {0}</source>
        <translation>gem. {0}</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/grid_items.py"/>
        <source>{0} — lane of kind “{1}”</source>
        <translation>{0} — rij van het type “{1}”</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/grid_items.py"/>
        <source>dashed: to-be</source>
        <translation>gestreept: gewenst</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/items.py"/>
        <source>Touchpoints</source>
        <translation>Contactmomenten</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/items.py"/>
        <source>Customer actions</source>
        <translation>Klantacties</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/items.py"/>
        <source>Thoughts</source>
        <translation>Gedachten</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/items.py"/>
        <source>Experience curve</source>
        <translation>Belevingscurve</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/items.py"/>
        <source>Pain points</source>
        <translation>Knelpunten</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/items.py"/>
        <source>Opportunities</source>
        <translation>Kansen</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/items.py"/>
        <source>Backstage</source>
        <translation>Achter de schermen</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/items.py"/>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene.py"/>
        <location filename="../../ui/canvas/scene_menus.py"/>
        <source>Duplicate</source>
        <translation>Dupliceren</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene_base.py"/>
        <source>Phases and lanes are locked in workshop mode. Leave workshop mode (F11) to change them.</source>
        <translation>Fasen en rijen liggen vast in de workshopmodus. Verlaat de workshopmodus (F11) om ze te wijzigen.</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene_menus.py"/>
        <source>Edit Title</source>
        <translation>Titel bewerken</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene_menus.py"/>
        <source>Cut</source>
        <translation>Knippen</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene_menus.py"/>
        <source>Copy</source>
        <translation>Kopiëren</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene_menus.py"/>
        <source>Paste</source>
        <translation>Plakken</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene_menus.py"/>
        <source>Add Comment…</source>
        <translation>Opmerking toevoegen…</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene_menus.py"/>
        <source>Attach Image…</source>
        <translation>Afbeelding toevoegen…</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene_menus.py"/>
        <source>Remove Image</source>
        <translation>Afbeelding verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene_menus.py"/>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene_menus.py"/>
        <source>Attach Image</source>
        <translation>Afbeelding toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene_menus.py"/>
        <source>Rename…</source>
        <translation>Hernoemen…</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene_menus.py"/>
        <source>Colour…</source>
        <translation>Kleur…</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene_menus.py"/>
        <source>Default Colour</source>
        <translation>Standaardkleur</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene_menus.py"/>
        <source>Add Phase Before</source>
        <translation>Fase ervoor toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene_menus.py"/>
        <source>Add Phase After</source>
        <translation>Fase erna toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene_menus.py"/>
        <source>Delete Phase…</source>
        <translation>Fase verwijderen…</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene_menus.py"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene_menus.py"/>
        <source>Add Lane Above</source>
        <translation>Rij erboven toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene_menus.py"/>
        <source>Add Lane Below</source>
        <translation>Rij eronder toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene_menus.py"/>
        <source>Delete Lane…</source>
        <translation>Rij verwijderen…</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene_menus.py"/>
        <source>Phase colour</source>
        <translation>Kleur van de fase</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene_menus.py"/>
        <source>Lane colour</source>
        <translation>Kleur van de rij</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene_menus.py"/>
        <source>New phase</source>
        <translation>Nieuwe fase</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene_menus.py"/>
        <source>New lane</source>
        <translation>Nieuwe rij</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene_menus.py"/>
        <source>Delete phase</source>
        <translation>Fase verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene_menus.py"/>
        <source>Delete the phase “{0}” with its {1} touchpoint(s)? You can undo this.</source>
        <translation>Fase “{0}” met {1} contactmoment(en) verwijderen? Je kunt dit ongedaan maken.</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene_menus.py"/>
        <source>Delete lane</source>
        <translation>Rij verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/scene_menus.py"/>
        <source>Delete the lane “{0}” with its {1} touchpoint(s)? You can undo this.</source>
        <translation>Rij “{0}” met {1} contactmoment(en) verwijderen? Je kunt dit ongedaan maken.</translation>
    </message>
</context>
<context>
    <name>JourneyDocument</name>
    <message>
        <location filename="../../ui/editing/document.py"/>
        <source>Updated with changes made elsewhere.</source>
        <translation>Bijgewerkt met wijzigingen die elders zijn gemaakt.</translation>
    </message>
    <message>
        <location filename="../../ui/editing/document.py"/>
        <source>Undo history cleared: “{0}” was changed in another window.</source>
        <translation>Ongedaan maken gewist: “{0}” is in een ander venster gewijzigd.</translation>
    </message>
    <message>
        <location filename="../../ui/editing/document.py"/>
        <source>Undo history cleared: “{0}” and {1} more were changed in another window.</source>
        <translation>Ongedaan maken gewist: “{0}” en {1} andere zijn elders gewijzigd.</translation>
    </message>
    <message>
        <location filename="../../ui/editing/document.py"/>
        <source>Undo history shortened: “{0}” was changed in another window.</source>
        <translation>Ongedaan maken ingekort: “{0}” is in een ander venster gewijzigd.</translation>
    </message>
    <message>
        <location filename="../../ui/editing/document.py"/>
        <source>Undo history shortened: “{0}” and {1} more were changed in another window.</source>
        <translation>Ongedaan maken ingekort: “{0}” en {1} andere zijn elders gewijzigd.</translation>
    </message>
    <message>
        <location filename="../../ui/editing/document.py"/>
        <source>Someone else changed this journey; your edit was not saved. The map now shows their changes.</source>
        <translation>Iemand anders heeft deze klantreis gewijzigd; je wijziging is niet opgeslagen. De klantreis toont nu die wijzigingen.</translation>
    </message>
    <message>
        <location filename="../../ui/editing/document.py"/>
        <source>The journey could not be read back either: {0}</source>
        <translation>De klantreis kon ook niet opnieuw worden gelezen: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/editing/document.py"/>
        <source>Could not undo “{0}”: {1} The undo history was cleared, because it no longer matches the library; the map shows what the library holds.</source>
        <translation>“{0}” kon niet ongedaan worden gemaakt: {1} De geschiedenis voor ongedaan maken is gewist, omdat die niet meer klopt met de bibliotheek; de klantreis toont wat er in de bibliotheek staat.</translation>
    </message>
    <message>
        <location filename="../../ui/editing/document.py"/>
        <source>Could not redo “{0}”: {1} The undo history was cleared, because it no longer matches the library; the map shows what the library holds.</source>
        <translation>“{0}” kon niet opnieuw worden gedaan: {1} De geschiedenis voor ongedaan maken is gewist, omdat die niet meer klopt met de bibliotheek; de klantreis toont wat er in de bibliotheek staat.</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/card_commands.py"/>
        <source>Insert card {0}</source>
        <translation>Kaart {0} invoegen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/card_commands.py"/>
        <source>Insert {0} cards</source>
        <translation>{0} kaarten invoegen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/card_commands.py"/>
        <source>Add card {0}</source>
        <translation>Kaart {0} toevoegen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/card_commands.py"/>
        <source>Move card {0}</source>
        <translation>Kaart {0} verplaatsen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/card_commands.py"/>
        <source>Move {0} cards</source>
        <translation>{0} kaarten verplaatsen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/card_commands.py"/>
        <source>Delete card {0}</source>
        <translation>Kaart {0} verwijderen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/card_commands.py"/>
        <source>Delete {0} cards</source>
        <translation>{0} kaarten verwijderen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/card_import_commands.py"/>
        <source>Import {0} cards</source>
        <translation>{0} kaarten importeren</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/comment_commands.py"/>
        <source>Reply on card {0}</source>
        <translation>Antwoord op kaart {0}</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/comment_commands.py"/>
        <source>Comment on card {0}</source>
        <translation>Opmerking op kaart {0}</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/comment_commands.py"/>
        <source>Edit comment on card {0}</source>
        <translation>Opmerking op kaart {0} bewerken</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/comment_commands.py"/>
        <source>Resolve comment on card {0}</source>
        <translation>Opmerking op kaart {0} afhandelen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/comment_commands.py"/>
        <source>Reopen comment on card {0}</source>
        <translation>Opmerking op kaart {0} heropenen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/comment_commands.py"/>
        <source>Delete comment on card {0}</source>
        <translation>Opmerking op kaart {0} verwijderen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/field_commands.py"/>
        <source>Rename card {0}</source>
        <translation>Titel van kaart {0} wijzigen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/field_commands.py"/>
        <source>Edit notes of card {0}</source>
        <translation>Notities van kaart {0} bewerken</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/field_commands.py"/>
        <source>Edit channel of card {0}</source>
        <translation>Kanaal van kaart {0} wijzigen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/field_commands.py"/>
        <location filename="../../cjmapper/editing/persona_commands.py"/>
        <source>Edit score of card {0}</source>
        <translation>Score van kaart {0} wijzigen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/field_commands.py"/>
        <source>Edit expectation of card {0}</source>
        <translation>Verwachting bij kaart {0} bewerken</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/field_commands.py"/>
        <source>Edit owner of card {0}</source>
        <translation>Eigenaar van kaart {0} wijzigen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/field_commands.py"/>
        <source>Edit colour of card {0}</source>
        <translation>Kleur van kaart {0} wijzigen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/field_commands.py"/>
        <source>Edit votes of card {0}</source>
        <translation>Stemmen op kaart {0} wijzigen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/field_commands.py"/>
        <source>Edit status of card {0}</source>
        <translation>Status van kaart {0} wijzigen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/field_commands.py"/>
        <location filename="../../cjmapper/editing/persona_commands.py"/>
        <source>Edit target of card {0}</source>
        <translation>Gewenste score van kaart {0} wijzigen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/field_commands.py"/>
        <source>Edit impact of card {0}</source>
        <translation>Impact van kaart {0} wijzigen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/field_commands.py"/>
        <source>Edit effort of card {0}</source>
        <translation>Inspanning van kaart {0} wijzigen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/field_commands.py"/>
        <source>Edit card {0}</source>
        <translation>Kaart {0} bewerken</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/field_commands.py"/>
        <source>Edit {0} cards</source>
        <translation>{0} kaarten bewerken</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/field_commands.py"/>
        <source>Rename phase {0}</source>
        <translation>Fase {0} hernoemen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/field_commands.py"/>
        <source>Edit description of phase {0}</source>
        <translation>Beschrijving van fase {0} bewerken</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/field_commands.py"/>
        <source>Edit colour of phase {0}</source>
        <translation>Kleur van fase {0} wijzigen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/field_commands.py"/>
        <source>Edit phase {0}</source>
        <translation>Fase {0} bewerken</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/field_commands.py"/>
        <source>Rename lane {0}</source>
        <translation>Rij {0} hernoemen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/field_commands.py"/>
        <source>Edit kind of lane {0}</source>
        <translation>Type van rij {0} wijzigen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/field_commands.py"/>
        <source>Edit colour of lane {0}</source>
        <translation>Kleur van rij {0} wijzigen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/field_commands.py"/>
        <source>Edit lane {0}</source>
        <translation>Rij {0} bewerken</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/field_commands.py"/>
        <source>Rename journey {0}</source>
        <translation>Klantreis {0} hernoemen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/field_commands.py"/>
        <source>Edit journey description</source>
        <translation>Beschrijving van de klantreis bewerken</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/field_commands.py"/>
        <source>Edit journey language</source>
        <translation>Taal van de klantreis wijzigen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/field_commands.py"/>
        <source>Edit journey framework</source>
        <translation>Model van de klantreis wijzigen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/field_commands.py"/>
        <source>Edit persona</source>
        <translation>Persona bewerken</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/field_commands.py"/>
        <source>Edit journey</source>
        <translation>Klantreis bewerken</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/image_commands.py"/>
        <source>Remove image from {0}</source>
        <translation>Afbeelding verwijderen van {0}</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/image_commands.py"/>
        <source>Attach image to {0}</source>
        <translation>Afbeelding toevoegen aan {0}</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/image_commands.py"/>
        <source>Replace image of {0}</source>
        <translation>Afbeelding vervangen van {0}</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/image_commands.py"/>
        <source>Remove wall photo</source>
        <translation>Foto van de muur verwijderen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/image_commands.py"/>
        <source>Set wall photo</source>
        <translation>Foto van de muur instellen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/matrix_commands.py"/>
        <source>Place card {0} on the matrix</source>
        <translation>Kaart {0} op de matrix plaatsen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/matrix_commands.py"/>
        <source>Take card {0} off the matrix</source>
        <translation>Kaart {0} van de matrix halen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/matrix_commands.py"/>
        <source>Rename the matrix&apos;s labels</source>
        <translation>Namen op de matrix wijzigen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/persona_commands.py"/>
        <source>Add persona {0}</source>
        <translation>Persona {0} toevoegen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/persona_commands.py"/>
        <source>Remove persona {0}</source>
        <translation>Persona {0} verwijderen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/persona_commands.py"/>
        <source>Move persona {0}</source>
        <translation>Persona {0} verplaatsen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/persona_commands.py"/>
        <source>Recolour persona {0}</source>
        <translation>Kleur van persona {0} wijzigen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/persona_commands.py"/>
        <source>Edit persona {0}</source>
        <translation>Persona {0} bewerken</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/structure_commands.py"/>
        <source>Add phase {0}</source>
        <translation>Fase {0} toevoegen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/structure_commands.py"/>
        <source>Move phase {0}</source>
        <translation>Fase {0} verplaatsen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/structure_commands.py"/>
        <source>Delete phase {0}</source>
        <translation>Fase {0} verwijderen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/structure_commands.py"/>
        <source>Delete phase {0} with 1 card</source>
        <translation>Fase {0} met 1 kaart verwijderen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/structure_commands.py"/>
        <source>Delete phase {0} with {1} cards</source>
        <translation>Fase {0} met {1} kaarten verwijderen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/structure_commands.py"/>
        <source>Add lane {0}</source>
        <translation>Rij {0} toevoegen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/structure_commands.py"/>
        <source>Move lane {0}</source>
        <translation>Rij {0} verplaatsen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/structure_commands.py"/>
        <source>Delete lane {0}</source>
        <translation>Rij {0} verwijderen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/structure_commands.py"/>
        <source>Delete lane {0} with 1 card</source>
        <translation>Rij {0} met 1 kaart verwijderen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/structure_commands.py"/>
        <source>Delete lane {0} with {1} cards</source>
        <translation>Rij {0} met {1} kaarten verwijderen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/survey_commands.py"/>
        <source>Import {0} survey responses</source>
        <translation>{0} enquêteantwoorden importeren</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/survey_commands.py"/>
        <source>Set {0} target</source>
        <translation>Doel voor {0} instellen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/survey_commands.py"/>
        <source>Assign {0} survey responses</source>
        <translation>{0} enquêteantwoorden toewijzen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/survey_commands.py"/>
        <source>Delete {0} survey responses</source>
        <translation>{0} enquêteantwoorden verwijderen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/version_commands.py"/>
        <source>Save version {0}</source>
        <translation>Versie {0} opslaan</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/version_commands.py"/>
        <source>Delete version {0}</source>
        <translation>Versie {0} verwijderen</translation>
    </message>
    <message>
        <location filename="../../cjmapper/editing/version_commands.py"/>
        <source>Restore version {0}</source>
        <translation>Versie {0} terugzetten</translation>
    </message>
</context>
<context>
    <name>JourneyFigures</name>
    <message>
        <location filename="../../ui/window/status_figures.py"/>
        <source>1 touchpoint</source>
        <translation>1 contactmoment</translation>
    </message>
    <message>
        <location filename="../../ui/window/status_figures.py"/>
        <source>{0} touchpoints</source>
        <translation>{0} contactmomenten</translation>
    </message>
    <message>
        <location filename="../../ui/window/status_figures.py"/>
        <source>{0}  ·  average score {1}  ·  CSAT {2}</source>
        <translation>{0}  ·  gemiddelde score {1}  ·  CSAT {2}</translation>
    </message>
</context>
<context>
    <name>JourneyTransfer</name>
    <message>
        <location filename="../../ui/window/transfer.py"/>
        <source>Copying “{0}” to {1}…</source>
        <translation>“{0}” wordt naar {1} gekopieerd…</translation>
    </message>
    <message>
        <location filename="../../ui/window/transfer.py"/>
        <source>Published “{0}” to {1}</source>
        <translation>“{0}” is gepubliceerd in {1}</translation>
    </message>
    <message>
        <location filename="../../ui/window/transfer.py"/>
        <source>Copied “{0}” to {1}</source>
        <translation>“{0}” is gekopieerd naar {1}</translation>
    </message>
    <message>
        <location filename="../../ui/window/transfer.py"/>
        <source>Copy journey</source>
        <translation>Klantreis kopiëren</translation>
    </message>
    <message>
        <location filename="../../ui/window/transfer.py"/>
        <source>{0}

Copy the journey as it is shown here instead? It holds every saved edit, but not the journey&apos;s saved versions.</source>
        <translation>{0}

De klantreis kopiëren zoals die hier te zien is? Daarin staat elke opgeslagen wijziging, maar niet de opgeslagen versies van de klantreis.</translation>
    </message>
    <message>
        <location filename="../../ui/window/transfer.py"/>
        <source>Import journey</source>
        <translation>Klantreis importeren</translation>
    </message>
    <message>
        <location filename="../../ui/window/transfer.py"/>
        <source>All journeys (*.json *.mmd *.md *.xlsx);;Journey files (*.json);;Mermaid journeys (*.mmd *.md);;cjmapper workbooks (*.xlsx)</source>
        <translation>Alle klantreizen (*.json *.mmd *.md *.xlsx);;Klantreisbestanden (*.json);;Mermaid-journeys (*.mmd *.md);;cjmapper-werkmappen (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message>
        <location filename="../../ui/dialogs/matrix_dialog.py"/>
        <source>Matrix Labels</source>
        <translation>Namen op de matrix</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_dialog.py"/>
        <source>High impact, low effort:</source>
        <translation>Veel impact, weinig inspanning:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_dialog.py"/>
        <source>High impact, high effort:</source>
        <translation>Veel impact, veel inspanning:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_dialog.py"/>
        <source>Low impact, low effort:</source>
        <translation>Weinig impact, weinig inspanning:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_dialog.py"/>
        <source>Low impact, high effort:</source>
        <translation>Weinig impact, veel inspanning:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_dialog.py"/>
        <source>Vertical axis:</source>
        <translation>Verticale as:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_dialog.py"/>
        <source>Horizontal axis:</source>
        <translation>Horizontale as:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_dialog.py"/>
        <source>Leave a name empty for the default in the journey&apos;s language.</source>
        <translation>Laat een naam leeg voor de standaardnaam in de taal van de klantreis.</translation>
    </message>
</context>
<context>
    <name>LengthLimit</name>
    <message>
        <location filename="../../ui/length_limit.py"/>
        <source>At most {0} characters fit here.</source>
        <translation>Hier passen hoogstens {0} tekens.</translation>
    </message>
</context>
<context>
    <name>LibraryEditor</name>
    <message>
        <location filename="../../ui/editing/library_commands.py"/>
        <source>Import journey “{0}”</source>
        <translation>Klantreis “{0}” importeren</translation>
    </message>
    <message>
        <location filename="../../ui/editing/library_commands.py"/>
        <source>New journey “{0}”</source>
        <translation>Nieuwe klantreis “{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/editing/library_commands.py"/>
        <source>Duplicate journey “{0}”</source>
        <translation>Klantreis “{0}” dupliceren</translation>
    </message>
    <message>
        <location filename="../../ui/editing/library_commands.py"/>
        <source>Delete journey “{0}”</source>
        <translation>Klantreis “{0}” verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/editing/library_commands.py"/>
        <source>Copy journey “{0}”</source>
        <translation>Klantreis “{0}” kopiëren</translation>
    </message>
</context>
<context>
    <name>LibraryFiles</name>
    <message>
        <location filename="../../ui/window/library_files.py"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Recent geopend</translation>
    </message>
    <message>
        <location filename="../../ui/window/library_files.py"/>
        <source>New library</source>
        <translation>Nieuwe bibliotheek</translation>
    </message>
    <message>
        <location filename="../../ui/window/library_files.py"/>
        <source>cjmapper libraries (*.cjm)</source>
        <translation>cjmapper-bibliotheken (*.cjm)</translation>
    </message>
    <message>
        <location filename="../../ui/window/library_files.py"/>
        <source>{0} already exists; open it with File › Open Library.</source>
        <translation>{0} bestaat al; open het bestand met Bestand › Bibliotheek openen.</translation>
    </message>
    <message>
        <location filename="../../ui/window/library_files.py"/>
        <source>Open library</source>
        <translation>Bibliotheek openen</translation>
    </message>
    <message>
        <location filename="../../ui/window/library_files.py"/>
        <source>cjmapper libraries (*.cjm);;All files (*)</source>
        <translation>cjmapper-bibliotheken (*.cjm);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../ui/window/library_files.py"/>
        <source>A team library lives on its server and cannot be saved as a file; take a journey along with File › Copy Journey to Local Library…</source>
        <translation>Een teambibliotheek staat op haar server en kan niet als bestand worden opgeslagen; neem een klantreis mee met Bestand › Klantreis naar lokale bibliotheek kopiëren…</translation>
    </message>
    <message>
        <location filename="../../ui/window/library_files.py"/>
        <source>Save a copy of the whole library as another file</source>
        <translation>Een kopie van de hele bibliotheek als ander bestand opslaan</translation>
    </message>
    <message>
        <location filename="../../ui/window/library_files.py"/>
        <source>Save library as</source>
        <translation>Bibliotheek opslaan als</translation>
    </message>
    <message>
        <location filename="../../ui/window/library_files.py"/>
        <source>Saved a copy of the library as {0}</source>
        <translation>Een kopie van de bibliotheek is opgeslagen als {0}</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../ui/panels/library_panel.py"/>
        <source>{0} (damaged)</source>
        <translation>{0} (beschadigd)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/library_panel.py"/>
        <source>Journey {0} (damaged)</source>
        <translation>Klantreis {0} (beschadigd)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/library_panel.py"/>
        <source>This journey cannot be opened: {0}.</source>
        <translation>Deze klantreis kan niet worden geopend: {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/library_panel.py"/>
        <source>1 phase</source>
        <translation>1 fase</translation>
    </message>
    <message>
        <location filename="../../ui/panels/library_panel.py"/>
        <source>{0} phases</source>
        <translation>{0} fasen</translation>
    </message>
    <message>
        <location filename="../../ui/panels/library_panel.py"/>
        <source>1 touchpoint</source>
        <translation>1 contactmoment</translation>
    </message>
    <message>
        <location filename="../../ui/panels/library_panel.py"/>
        <source>{0} touchpoints</source>
        <translation>{0} contactmomenten</translation>
    </message>
    <message>
        <location filename="../../ui/panels/library_panel.py"/>
        <source>Search journeys</source>
        <translation>Klantreizen zoeken</translation>
    </message>
    <message>
        <location filename="../../ui/panels/library_panel.py"/>
        <source>Search journeys by title</source>
        <translation>Klantreizen zoeken op titel</translation>
    </message>
    <message>
        <location filename="../../ui/panels/library_panel.py"/>
        <source>Journeys</source>
        <translation>Klantreizen</translation>
    </message>
    <message>
        <location filename="../../ui/panels/library_panel.py"/>
        <source>No journeys in this library yet: make one with “New…”.</source>
        <translation>Deze bibliotheek heeft nog geen klantreizen: maak er een met “Nieuw…”.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/library_panel.py"/>
        <source>No journey title contains “{0}”.</source>
        <translation>Geen titel van een klantreis bevat “{0}”.</translation>
    </message>
</context>
<context>
    <name>LibraryWatch</name>
    <message>
        <location filename="../../ui/window/library_watch.py"/>
        <source>This library is also open in another window: edits from there appear here.</source>
        <translation>Deze bibliotheek is ook open in een ander venster: wijzigingen van daar verschijnen hier.</translation>
    </message>
    <message>
        <location filename="../../ui/window/library_watch.py"/>
        <source>Changes your team makes show here within seconds.</source>
        <translation>Wijzigingen van je team verschijnen hier binnen enkele seconden.</translation>
    </message>
    <message>
        <location filename="../../ui/window/library_watch.py"/>
        <source>{0} (cannot reach the server)</source>
        <translation>{0} (server onbereikbaar)</translation>
    </message>
    <message>
        <location filename="../../ui/window/library_watch.py"/>
        <source>The server does not answer; cjmapper keeps trying. Edits made meanwhile are refused.</source>
        <translation>De server antwoordt niet; cjmapper blijft het proberen. Wijzigingen die je intussen maakt, worden geweigerd.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>Journeys</source>
        <translation>Klantreizen</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>Channels</source>
        <translation>Kanalen</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>Properties</source>
        <translation>Eigenschappen</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>Voting</source>
        <translation>Stemmen</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>Comments</source>
        <translation>Opmerkingen</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>Wall Photo</source>
        <translation>Foto van de muur</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>&amp;New Library…</source>
        <translation>&amp;Nieuwe bibliotheek…</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>&amp;Open Library…</source>
        <translation>Bibliotheek &amp;openen…</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>Open Tea&amp;m Library…</source>
        <translation>Tea&amp;mbibliotheek openen…</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>Open a library your team shares on a PostgreSQL server</source>
        <translation>Een bibliotheek openen die je team deelt op een PostgreSQL-server</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>Save Library &amp;As…</source>
        <translation>Bibliotheek opslaan &amp;als…</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>P&amp;ublish Journey to Team Library…</source>
        <translation>Klantreis p&amp;ubliceren in teambibliotheek…</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>Copy the journey with its saved versions to a team library</source>
        <translation>De klantreis met de opgeslagen versies naar een teambibliotheek kopiëren</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>Copy Journey to &amp;Local Library…</source>
        <translation>Klantreis naar &amp;lokale bibliotheek kopiëren…</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>Copy the journey with its saved versions to a library on this computer, e.g. to work offline</source>
        <translation>De klantreis met de opgeslagen versies naar een bibliotheek op deze computer kopiëren, bijvoorbeeld om offline te werken</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>&amp;Import Journey…</source>
        <translation>Klantreis &amp;importeren…</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>&amp;Export All Journeys…</source>
        <translation>Alle klantreizen &amp;exporteren…</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>Save every journey of the library as a JSON file in a folder</source>
        <translation>Elke klantreis uit de bibliotheek als JSON-bestand in een map opslaan</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>&amp;Quit</source>
        <translation>A&amp;fsluiten</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>Pre&amp;ferences…</source>
        <translation>Voorkeu&amp;ren…</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>Cu&amp;t</source>
        <translation>Kni&amp;ppen</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiëren</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>&amp;Paste</source>
        <translation>P&amp;lakken</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>&amp;Duplicate</source>
        <translation>&amp;Dupliceren</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>&amp;Delete</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>&amp;Edit Title</source>
        <translation>&amp;Titel bewerken</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>Select &amp;All</source>
        <translation>&amp;Alles selecteren</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>Zoom &amp;In</source>
        <translation>&amp;Inzoomen</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>Zoom &amp;Out</source>
        <translation>&amp;Uitzoomen</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>&amp;Actual Size</source>
        <translation>&amp;Ware grootte</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>&amp;Fit to Window</source>
        <translation>&amp;Passend in venster</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>&amp;Find Journey</source>
        <translation>Klantreis &amp;zoeken</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>&amp;New…</source>
        <translation>&amp;Nieuw…</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>New journey from a template</source>
        <translation>Nieuwe klantreis op basis van een sjabloon</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>D&amp;uplicate</source>
        <translation>&amp;Dupliceren</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>&amp;Rename…</source>
        <translation>&amp;Hernoemen…</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>De&amp;lete…</source>
        <translation>&amp;Verwijderen…</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>Add &amp;Phase</source>
        <translation>&amp;Fase toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>Add &amp;Lane</source>
        <translation>&amp;Rij toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>New &amp;Card</source>
        <translation>Nieuwe &amp;kaart</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>Edit &amp;Persona…</source>
        <translation>&amp;Persona bewerken…</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>Ver&amp;sions…</source>
        <translation>Vers&amp;ies…</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>Co&amp;mpare Versions…</source>
        <translation>Versies ver&amp;gelijken…</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>&amp;About cjmapper</source>
        <translation>&amp;Over cjmapper</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>&amp;Journey</source>
        <translation>&amp;Klantreis</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>Main</source>
        <translation>Werkbalk</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>{0}

File › Export All Journeys… saves every journey that can still be read; Journey › Delete… deletes this one.</source>
        <translation>{0}

Bestand › Alle klantreizen exporteren… bewaart elke klantreis die nog te lezen is; Klantreis › Verwijderen… verwijdert deze.</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>This library has no journeys yet.

Make one from a template with Journey › New… (Ctrl+N).</source>
        <translation>Deze bibliotheek heeft nog geen klantreizen.

Maak er een op basis van een sjabloon met Klantreis › Nieuw… (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>{0} is damaged and open read-only: the change was not saved. Export its journeys (File › Export All Journeys…) and import them into a new library.</source>
        <translation>{0} is beschadigd en alleen-lezen geopend: de wijziging is niet opgeslagen. Exporteer de klantreizen (Bestand › Alle klantreizen exporteren…) en importeer ze in een nieuwe bibliotheek.</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>An editor for customer journey maps: phases, lanes and touchpoints, with scores, CSAT and an experience curve.</source>
        <translation>Een editor voor klantreizen: fasen, rijen en contactmomenten, met scores, CSAT en een belevingscurve.</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>Library: {0}</source>
        <translation>Bibliotheek: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py"/>
        <source>About cjmapper</source>
        <translation>Over cjmapper</translation>
    </message>
</context>
<context>
    <name>MatrixActions</name>
    <message>
        <location filename="../../ui/window/matrix_actions.py"/>
        <source>&amp;Prioritise…</source>
        <translation>Pri&amp;oriteren…</translation>
    </message>
    <message>
        <location filename="../../ui/window/matrix_actions.py"/>
        <source>Place the opportunities and pain points on an impact/effort matrix, sized by their votes</source>
        <translation>Zet de kansen en pijnpunten op een impact/inspanning-matrix, zo groot als hun stemmen</translation>
    </message>
</context>
<context>
    <name>MatrixDialog</name>
    <message>
        <location filename="../../ui/dialogs/matrix_dialog.py"/>
        <source>Prioritise: Impact and Effort</source>
        <translation>Prioriteren: impact en inspanning</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_dialog.py"/>
        <source>&amp;Not placed yet (most votes first):</source>
        <translation>&amp;Nog niet geplaatst (meeste stemmen eerst):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_dialog.py"/>
        <source>Rename &amp;Labels…</source>
        <translation>&amp;Namen wijzigen…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_dialog.py"/>
        <source>Export &amp;PDF…</source>
        <translation>&amp;PDF exporteren…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_dialog.py"/>
        <source>Export P&amp;NG…</source>
        <translation>P&amp;NG exporteren…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_dialog.py"/>
        <source>Drag a card onto the matrix; drag a dot back here, or press Delete, to take it off.</source>
        <translation>Sleep een kaart op de matrix; sleep een stip hierheen terug, of druk op Delete, om hem eraf te halen.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_dialog.py"/>
        <source>This journey has no opportunities or pain points to prioritise yet.</source>
        <translation>Deze klantreis heeft nog geen kansen of pijnpunten om te prioriteren.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_dialog.py"/>
        <source>{0} (1 vote)</source>
        <translation>{0} (1 stem)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_dialog.py"/>
        <source>{0} ({1} votes)</source>
        <translation>{0} ({1} stemmen)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_dialog.py"/>
        <source>&amp;Take Off the Matrix</source>
        <translation>Van de matrix &amp;halen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_dialog.py"/>
        <source>matrix</source>
        <translation>matrix</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_dialog.py"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_dialog.py"/>
        <source>PNG pictures (*.png)</source>
        <translation>PNG-afbeeldingen (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_dialog.py"/>
        <source>Export matrix</source>
        <translation>Matrix exporteren</translation>
    </message>
</context>
<context>
    <name>MatrixScene</name>
    <message>
        <location filename="../../ui/dialogs/matrix_scene.py"/>
        <source>Double-click to rename</source>
        <translation>Dubbelklik om de naam te wijzigen</translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <location filename="../../ui/dialogs/matrix_scene.py"/>
        <source>Rename Labels…</source>
        <translation>Namen wijzigen…</translation>
    </message>
</context>
<context>
    <name>NewJourneyDialog</name>
    <message>
        <location filename="../../ui/dialogs/new_journey_dialog.py"/>
        <source>New journey</source>
        <translation>Nieuwe klantreis</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_journey_dialog.py"/>
        <source>e.g. Webshop journey for new customers</source>
        <translation>bijv. Klantreis webshop voor nieuwe klanten</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_journey_dialog.py"/>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_journey_dialog.py"/>
        <source>&amp;Template:</source>
        <translation>&amp;Sjabloon:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_journey_dialog.py"/>
        <source>&amp;Language:</source>
        <translation>&amp;Taal:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_journey_dialog.py"/>
        <source>Your templates</source>
        <translation>Je eigen sjablonen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_journey_dialog.py"/>
        <source>{0} (cannot be used)</source>
        <translation>{0} (niet te gebruiken)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_journey_dialog.py"/>
        <source>This file cannot be used: {0}</source>
        <translation>Dit bestand is niet te gebruiken: {0}</translation>
    </message>
</context>
<context>
    <name>OutcomeModel</name>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>new card</source>
        <translation>nieuwe kaart</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>problem</source>
        <translation>probleem</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>Row</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>Outcome</source>
        <translation>Uitkomst</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>Card or reason</source>
        <translation>Kaart of reden</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_import_dialog.py"/>
        <source>Phase › lane</source>
        <translation>Fase › rij</translation>
    </message>
</context>
<context>
    <name>PersonaDialog</name>
    <message>
        <location filename="../../ui/dialogs/persona_dialog.py"/>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/persona_dialog.py"/>
        <source>Edit Persona</source>
        <translation>Persona bewerken</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/persona_dialog.py"/>
        <source>The persona is the customer this journey follows: who they are, what they want to get done and what gets in their way.</source>
        <translation>De persona is de klant die deze klantreis volgt: wie het is, wat die voor elkaar wil krijgen en wat daarbij in de weg zit.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/persona_dialog.py"/>
        <source>For example: Linda, working mother</source>
        <translation>Bijvoorbeeld: Linda, werkende moeder</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/persona_dialog.py"/>
        <source>&amp;Name</source>
        <translation>&amp;Naam</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/persona_dialog.py"/>
        <source>&amp;Description</source>
        <translation>&amp;Beschrijving</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/persona_dialog.py"/>
        <source>&amp;Goals</source>
        <translation>&amp;Doelen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/persona_dialog.py"/>
        <source>&amp;Frustrations</source>
        <translation>&amp;Frustraties</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/persona_dialog.py"/>
        <source>Own colour ({0})</source>
        <translation>Eigen kleur ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/persona_dialog.py"/>
        <source>&amp;Colour</source>
        <translation>&amp;Kleur</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/persona_dialog.py"/>
        <source>&amp;Remove Persona</source>
        <translation>Persona &amp;verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/persona_dialog.py"/>
        <source>Give the persona a name.</source>
        <translation>Geef de persona een naam.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/persona_dialog.py"/>
        <source>Each text can hold at most {0} characters.</source>
        <translation>Elke tekst mag hoogstens {0} tekens lang zijn.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/persona_dialog.py"/>
        <source>Remove Persona</source>
        <translation>Persona verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/persona_dialog.py"/>
        <source>Remove persona “{0}”? Her or his scores and targets on every card go with her or him.</source>
        <translation>Persona “{0}” verwijderen? Haar of zijn scores en gewenste scores op alle kaarten gaan mee.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/persona_dialog.py"/>
        <source>Undo brings the persona back with the scores.</source>
        <translation>Ongedaan maken brengt de persona terug, met de scores.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/persona_dialog.py"/>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
</context>
<context>
    <name>PersonaMenu</name>
    <message>
        <location filename="../../ui/panels/persona_menu.py"/>
        <source>Blue</source>
        <translation>Blauw</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_menu.py"/>
        <source>Reddish purple</source>
        <translation>Roodpaars</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_menu.py"/>
        <source>Bluish green</source>
        <translation>Blauwgroen</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_menu.py"/>
        <source>Indigo</source>
        <translation>Indigo</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_menu.py"/>
        <source>Sky blue</source>
        <translation>Hemelsblauw</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_menu.py"/>
        <source>Purple</source>
        <translation>Paars</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_menu.py"/>
        <source>Teal</source>
        <translation>Zeegroen</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_menu.py"/>
        <source>Black</source>
        <translation>Zwart</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_menu.py"/>
        <source>Move &amp;Left</source>
        <translation>Naar &amp;links</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_menu.py"/>
        <source>Move &amp;Right</source>
        <translation>Naar &amp;rechts</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_menu.py"/>
        <source>&amp;Colour</source>
        <translation>&amp;Kleur</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_menu.py"/>
        <source>&amp;Other Colour…</source>
        <translation>&amp;Andere kleur…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_menu.py"/>
        <source>Re&amp;move Persona…</source>
        <translation>Persona &amp;verwijderen…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_menu.py"/>
        <source>Persona Colour</source>
        <translation>Kleur van de persona</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_menu.py"/>
        <source>Remove Persona</source>
        <translation>Persona verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_menu.py"/>
        <source>Remove persona “{0}”? Her or his scores and targets on every card go with her or him.</source>
        <translation>Persona “{0}” verwijderen? Haar of zijn scores en gewenste scores op alle kaarten gaan mee.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_menu.py"/>
        <source>Undo brings the persona back with the scores.</source>
        <translation>Ongedaan maken brengt de persona terug, met de scores.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_menu.py"/>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
</context>
<context>
    <name>PersonaStrip</name>
    <message>
        <location filename="../../ui/panels/persona_strip.py"/>
        <source>Click to edit the persona.</source>
        <translation>Klik om de persona te bewerken.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_strip.py"/>
        <source>Click to add a persona.</source>
        <translation>Klik om een persona toe te voegen.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_strip.py"/>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_strip.py"/>
        <source>No persona</source>
        <translation>Geen persona</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_strip.py"/>
        <source>Goals: {0}</source>
        <translation>Doelen: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_strip.py"/>
        <source>Frustrations: {0}</source>
        <translation>Frustraties: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_strip.py"/>
        <source>+ Add a persona: who walks this journey?</source>
        <translation>+ Voeg een persona toe: wie maakt deze klantreis?</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_strip.py"/>
        <source>Goals:</source>
        <translation>Doelen:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_strip.py"/>
        <source>Frustrations:</source>
        <translation>Frustraties:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_strip.py"/>
        <source>Add a persona</source>
        <translation>Een persona toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_strip.py"/>
        <source>{0} (current persona: the properties panel edits her or his scores)</source>
        <translation>{0} (huidige persona: het eigenschappenpaneel bewerkt haar of zijn scores)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_strip.py"/>
        <source>{0}: click to make this the current persona</source>
        <translation>{0}: klik om dit de huidige persona te maken</translation>
    </message>
    <message>
        <location filename="../../ui/panels/persona_strip.py"/>
        <source>Edit Persona</source>
        <translation>Persona bewerken</translation>
    </message>
</context>
<context>
    <name>PictureDpiDialog</name>
    <message>
        <location filename="../../ui/export/picture_dialog.py"/>
        <source>Export Picture</source>
        <translation>Afbeelding exporteren</translation>
    </message>
    <message>
        <location filename="../../ui/export/picture_dialog.py"/>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <location filename="../../ui/export/picture_dialog.py"/>
        <source>96 dpi is the canvas at 100%; 150 to 300 dpi prints sharp.</source>
        <translation>96 dpi is het canvas op 100%; met 150 tot 300 dpi wordt een afdruk scherp.</translation>
    </message>
    <message>
        <location filename="../../ui/export/picture_dialog.py"/>
        <source>&amp;Title block and legend</source>
        <translation>&amp;Titelblok en legenda</translation>
    </message>
    <message>
        <location filename="../../ui/export/picture_dialog.py"/>
        <source>The journey&apos;s title, persona and figures above the map and the legend below it, as on a poster</source>
        <translation>De titel, de persona en de cijfers van de klantreis boven de klantreis en de legenda eronder, zoals op een poster</translation>
    </message>
    <message>
        <location filename="../../ui/export/picture_dialog.py"/>
        <source>&amp;Resolution:</source>
        <translation>&amp;Resolutie:</translation>
    </message>
    <message>
        <location filename="../../ui/export/picture_dialog.py"/>
        <source>Size:</source>
        <translation>Formaat:</translation>
    </message>
    <message>
        <location filename="../../ui/export/picture_dialog.py"/>
        <source>{0} × {1} pixels ({2} megapixels)</source>
        <translation>{0} × {1} pixels ({2} megapixel)</translation>
    </message>
</context>
<context>
    <name>PlaceBox</name>
    <message>
        <location filename="../../ui/panels/place_editor.py"/>
        <source>Not placed</source>
        <translation>Niet geplaatst</translation>
    </message>
</context>
<context>
    <name>PosterDialog</name>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>Export Poster</source>
        <translation>Poster exporteren</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>{0}  ({1} × {2} mm)</source>
        <translation>{0}  ({1} × {2} mm)</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>Custom…</source>
        <translation>Eigen formaat…</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>Fit to sheets…</source>
        <translation>Passend op vellen…</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>Paper width</source>
        <translation>Papierbreedte</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>Paper height</source>
        <translation>Papierhoogte</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>Number of sheets</source>
        <translation>Aantal vellen</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>The poster is made as large as this many sheets allow (see Print on), for the largest text.</source>
        <translation>De poster wordt zo groot als dit aantal vellen toelaat (zie Afdrukken op), voor de grootste tekst.</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>&amp;Landscape</source>
        <translation>&amp;Liggend</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>&amp;Portrait</source>
        <translation>&amp;Staand</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>One sheet</source>
        <translation>Eén vel</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>{0} sheets, taped together</source>
        <translation>{0}-vellen, aan elkaar geplakt</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>For an office printer: the poster is split over sheets that overlap, with crop marks, and a first sheet that shows how they fit together.</source>
        <translation>Voor een kantoorprinter: de poster wordt verdeeld over vellen die elkaar overlappen, met snijtekens, en een eerste vel dat laat zien hoe ze aan elkaar passen.</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>Ready for a print s&amp;hop</source>
        <translation>Klaar voor een &amp;drukkerij</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>For a print shop or a large-format printer: a bleed around the page, crop marks, the trim and bleed boxes their preflight reads, colours defined as sRGB and no transparency (like PDF/X-4).</source>
        <translation>Voor een drukkerij of grootformaatprinter: afloop rond de pagina, snijtekens, de snij- en afloopkaders die hun controle leest, kleuren vastgelegd als sRGB en geen transparantie (zoals PDF/X-4).</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>Bleed</source>
        <translation>Afloop</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>How far the background runs past the trim: ask your print shop (3 mm is usual)</source>
        <translation>Hoe ver de achtergrond doorloopt voorbij de snijlijn: vraag het je drukkerij (3 mm is gebruikelijk)</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>&amp;Open the PDF when done</source>
        <translation>PDF &amp;openen na het exporteren</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>Print the &amp;wall photo on a page at the back</source>
        <translation>Druk de &amp;foto van de muur af op een pagina achteraan</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>Print only the cards &amp;shown ({0} of {1}: a filter is on)</source>
        <translation>Alleen de &amp;getoonde kaarten afdrukken ({0} van {1}: er staat een filter aan)</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>Print the open &amp;comments as numbered notes ({0})</source>
        <translation>Open opmerkingen als genummerde &amp;notities afdrukken ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>A number on each card with open comments, and a page listing them</source>
        <translation>Een nummer op elke kaart met open opmerkingen, en een pagina die ze opsomt</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>P&amp;aper:</source>
        <translation>P&amp;apier:</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>Size:</source>
        <translation>Formaat:</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>Orientation:</source>
        <translation>Afdrukstand:</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>&amp;Print on:</source>
        <translation>Af&amp;drukken op:</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>Bleed:</source>
        <translation>Afloop:</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>{0} phases, {1} lanes, {2} touchpoints</source>
        <translation>{0} fasen, {1} rijen, {2} contactmomenten</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exporteren…</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>{0} × {1} mm</source>
        <translation>{0} × {1} mm</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>{0} with {1} mm bleed</source>
        <translation>{0} met {1} mm afloop</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>scale {0}%</source>
        <translation>schaal {0}%</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>text {0} pt</source>
        <translation>tekst {0} pt</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>1 sheet</source>
        <translation>1 vel</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>1 sheet of {0} in a {1} × {2} grid, and an assembly sheet</source>
        <translation>1 vel {0} in een raster van {1} × {2}, en een montagevel</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>{0} sheets of {1} in a {2} × {3} grid, and an assembly sheet</source>
        <translation>{0} vellen {1} in een raster van {2} × {3}, en een montagevel</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>(1 blank sheet left out)</source>
        <translation>(1 leeg vel weggelaten)</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>({0} blank sheets left out)</source>
        <translation>({0} lege vellen weggelaten)</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>{0} sheets</source>
        <translation>{0} vellen</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>under {0}</source>
        <translation>onder {0}</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>Use {0}</source>
        <translation>{0} gebruiken</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>Use {0} {1} sheets</source>
        <translation>{0} vellen {1} gebruiken</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>portrait</source>
        <translation>staand</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>landscape</source>
        <translation>liggend</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>Use {0} {1}</source>
        <translation>{0} {1} gebruiken</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>Use {0} on {1} {2} sheets</source>
        <translation>{0} op {1} vellen {2} gebruiken</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>Export poster</source>
        <translation>Poster exporteren</translation>
    </message>
    <message>
        <location filename="../../ui/export/poster_dialog.py"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-documenten (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PosterJob</name>
    <message>
        <location filename="../../ui/export/export_jobs.py"/>
        <source>The poster could not be made because of an unexpected problem ({0}).</source>
        <translation>De poster kon niet worden gemaakt door een onverwacht probleem ({0}).</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_jobs.py"/>
        <source>The poster could not be written to {0}: {1}.</source>
        <translation>De poster kon niet worden opgeslagen als {0}: {1}.</translation>
    </message>
</context>
<context>
    <name>PowerPointActions</name>
    <message>
        <location filename="../../ui/window/pptx_actions.py"/>
        <source>Export Po&amp;werPoint…</source>
        <translation>Po&amp;werPoint exporteren…</translation>
    </message>
    <message>
        <location filename="../../ui/window/pptx_actions.py"/>
        <source>Export the journey as a PowerPoint deck: its persona, the map, and each phase&apos;s cards as text</source>
        <translation>Exporteer de klantreis als PowerPoint-presentatie: de persona, de kaart, en de kaarten van elke fase als tekst</translation>
    </message>
    <message>
        <location filename="../../ui/window/pptx_actions.py"/>
        <source>Export PowerPoint</source>
        <translation>PowerPoint exporteren</translation>
    </message>
    <message>
        <location filename="../../ui/window/pptx_actions.py"/>
        <source>PowerPoint presentations (*.pptx)</source>
        <translation>PowerPoint-presentaties (*.pptx)</translation>
    </message>
    <message>
        <location filename="../../ui/window/pptx_actions.py"/>
        <source>Exporting PowerPoint {0}</source>
        <translation>PowerPoint {0} exporteren</translation>
    </message>
    <message>
        <location filename="../../ui/window/pptx_actions.py"/>
        <source>The PowerPoint file could not be made: {0}</source>
        <translation>Het PowerPoint-bestand kon niet worden gemaakt: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/window/pptx_actions.py"/>
        <source>Saved the PowerPoint file as {0} ({1} slides)</source>
        <translation>Het PowerPoint-bestand is opgeslagen als {0} ({1} dia&apos;s)</translation>
    </message>
    <message>
        <location filename="../../ui/window/pptx_actions.py"/>
        <source>PowerPoint export cancelled; no file was written.</source>
        <translation>PowerPoint-export geannuleerd; er is geen bestand opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../ui/window/pptx_actions.py"/>
        <source>The PowerPoint file could not be exported.</source>
        <translation>Het PowerPoint-bestand kon niet worden geëxporteerd.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../ui/dialogs/preferences.py"/>
        <source>Preferences</source>
        <translation>Voorkeuren</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/preferences.py"/>
        <source>System default ({0})</source>
        <translation>Systeemstandaard ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/preferences.py"/>
        <source>cjmapper uses the new language from the next time you start it. New journeys then start from templates in that language.</source>
        <translation>cjmapper gebruikt de nieuwe taal vanaf de volgende keer dat je het start. Nieuwe klantreizen beginnen dan met sjablonen in die taal.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/preferences.py"/>
        <source>&amp;Language:</source>
        <translation>&amp;Taal:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/preferences.py"/>
        <source>Your &amp;name for comments:</source>
        <translation>Je &amp;naam bij opmerkingen:</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../ui/dialogs/survey_dialog.py"/>
        <source>Row</source>
        <translation>Rij</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/survey_dialog.py"/>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/survey_dialog.py"/>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
</context>
<context>
    <name>PropertiesPanel</name>
    <message>
        <location filename="../../ui/panels/field_editors.py"/>
        <source>This text is %1 characters long; at most %2 fit.</source>
        <translation>Deze tekst is %1 tekens lang; er passen er hoogstens %2 in.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>No journey is open.</source>
        <translation>Er is geen klantreis geopend.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>Locked in workshop mode: leave it (F11) to change the journey.</source>
        <translation>Vergrendeld in de workshopmodus: verlaat die (F11) om de klantreis te wijzigen.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>Touchpoint</source>
        <translation>Contactmoment</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>Changes here apply to every selected card.</source>
        <translation>Wat je hier wijzigt, geldt voor elke geselecteerde kaart.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>Set score</source>
        <translation>Score instellen</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>Set channel</source>
        <translation>Kanaal instellen</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>&amp;Channel</source>
        <translation>&amp;Kanaal</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>Set colour</source>
        <translation>Kleur instellen</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>Colour</source>
        <translation>Kleur</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>Journey</source>
        <translation>Klantreis</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>&amp;Description</source>
        <translation>&amp;Beschrijving</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>The language of the map&apos;s text and channel names</source>
        <translation>De taal van de teksten en kanaalnamen van de klantreis</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>&amp;Language</source>
        <translation>T&amp;aal</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>Five-phase model</source>
        <translation>Vijffasenmodel</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>AIDA</source>
        <translation>AIDA</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>See-Think-Do-Care</source>
        <translation>See-Think-Do-Care</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>Custom</source>
        <translation>Eigen indeling</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>&amp;Framework</source>
        <translation>&amp;Model</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>No persona: type a name to add one</source>
        <translation>Geen persona: typ een naam om er een toe te voegen</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>&amp;Name</source>
        <translation>&amp;Naam</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>D&amp;escription</source>
        <translation>B&amp;eschrijving</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>&amp;Goals</source>
        <translation>&amp;Doelen</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>F&amp;rustrations</source>
        <translation>&amp;Frustraties</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>Other personas: {0}</source>
        <translation>Andere persona’s: {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/panels/properties.py"/>
        <source>%n cards selected</source>
        <translation>
            <numerusform>%n kaart geselecteerd</numerusform>
            <numerusform>%n kaarten geselecteerd</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>Give the persona a name first</source>
        <translation>Geef de persona eerst een naam</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>The change could not be saved.</source>
        <translation>De wijziging kon niet worden opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>Give the persona a name first.</source>
        <translation>Geef de persona eerst een naam.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>A touchpoint needs a title; the old one stays until you type one.</source>
        <translation>Een contactmoment heeft een titel nodig; de oude blijft staan tot je een nieuwe typt.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>A journey needs a title; the old one stays until you type one.</source>
        <translation>Een klantreis heeft een titel nodig; de oude blijft staan tot je een nieuwe typt.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py"/>
        <source>Leave the name empty to remove the persona (undo brings it back).</source>
        <translation>Maak de naam leeg om de persona te verwijderen (ongedaan maken brengt hem terug).</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <location filename="../../ui/dialogs/recovery.py"/>
        <source>Exported {0} journeys to {1}.</source>
        <translation>{0} klantreizen geëxporteerd naar {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery.py"/>
        <source>Exported 1 journey to {0}.</source>
        <translation>1 klantreis geëxporteerd naar {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery.py"/>
        <source>These could not be read and were not exported:</source>
        <translation>Deze konden niet worden gelezen en zijn niet geëxporteerd:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery.py"/>
        <source>journey {0}</source>
        <translation>klantreis {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery.py"/>
        <source>These could not be written:</source>
        <translation>Deze konden niet worden geschreven:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery.py"/>
        <source>cannot write {0}: {1}</source>
        <translation>kan {0} niet schrijven: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery.py"/>
        <source>Export all journeys into folder</source>
        <translation>Alle klantreizen exporteren naar map</translation>
    </message>
</context>
<context>
    <name>SaveTemplateDialog</name>
    <message>
        <location filename="../../ui/dialogs/save_template_dialog.py"/>
        <source>Save as template</source>
        <translation>Opslaan als sjabloon</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/save_template_dialog.py"/>
        <source>Include the &amp;cards ({0})</source>
        <translation>Met de &amp;kaarten ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/save_template_dialog.py"/>
        <source>Keep the journey&apos;s cards as they are; without them the template keeps phases, lanes and personas</source>
        <translation>Neem de kaarten van de klantreis mee zoals ze zijn; zonder kaarten bewaart het sjabloon de fasen, rijen en persona&apos;s</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/save_template_dialog.py"/>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/save_template_dialog.py"/>
        <source>&amp;Description:</source>
        <translation>&amp;Beschrijving:</translation>
    </message>
</context>
<context>
    <name>ScoreButtons</name>
    <message>
        <location filename="../../ui/panels/field_editors.py"/>
        <source>Very poor</source>
        <translation>Heel slecht</translation>
    </message>
    <message>
        <location filename="../../ui/panels/field_editors.py"/>
        <source>Poor</source>
        <translation>Slecht</translation>
    </message>
    <message>
        <location filename="../../ui/panels/field_editors.py"/>
        <source>Neutral</source>
        <translation>Neutraal</translation>
    </message>
    <message>
        <location filename="../../ui/panels/field_editors.py"/>
        <source>Good</source>
        <translation>Goed</translation>
    </message>
    <message>
        <location filename="../../ui/panels/field_editors.py"/>
        <source>Very good</source>
        <translation>Heel goed</translation>
    </message>
    <message>
        <location filename="../../ui/panels/field_editors.py"/>
        <source>No score</source>
        <translation>Geen score</translation>
    </message>
    <message>
        <location filename="../../ui/panels/field_editors.py"/>
        <source>Score %1: %2</source>
        <translation>Score %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/field_editors.py"/>
        <source>Mixed</source>
        <translation>Verschillend</translation>
    </message>
</context>
<context>
    <name>StartVotingDialog</name>
    <message>
        <location filename="../../ui/workshop/voting_start.py"/>
        <source>Start Dot Voting</source>
        <translation>Stemmen met stippen starten</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting_start.py"/>
        <source>Each participant puts a few dots on the cards that matter most to them.</source>
        <translation>Iedere deelnemer verdeelt een paar stippen over de kaarten die het meest tellen.</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting_start.py"/>
        <source>Dots per participant</source>
        <translation>Stippen per deelnemer</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting_start.py"/>
        <source>Participants</source>
        <translation>Deelnemers</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting_start.py"/>
        <source>&amp;Dots per participant:</source>
        <translation>&amp;Stippen per deelnemer:</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting_start.py"/>
        <source>&amp;Participants:</source>
        <translation>&amp;Deelnemers:</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting_start.py"/>
        <source>&amp;Start Voting</source>
        <translation>Stemmen s&amp;tarten</translation>
    </message>
</context>
<context>
    <name>SurveyActions</name>
    <message>
        <location filename="../../ui/window/survey_actions.py"/>
        <source>Import &amp;Survey Results…</source>
        <translation>En&amp;quêteresultaten importeren…</translation>
    </message>
    <message>
        <location filename="../../ui/window/survey_actions.py"/>
        <source>&amp;Heat View</source>
        <translation>Hitteweer&amp;gave</translation>
    </message>
    <message>
        <location filename="../../ui/window/survey_actions.py"/>
        <source>Colour cells and cards by how far their survey figures are from the phase&apos;s targets</source>
        <translation>Kleur cellen en kaarten naar hoe ver hun enquêtecijfers van de doelen van de fase af zitten</translation>
    </message>
    <message>
        <location filename="../../ui/window/survey_actions.py"/>
        <source>Survey &amp;Targets…</source>
        <translation>Enq&amp;uêtedoelen…</translation>
    </message>
    <message>
        <location filename="../../ui/window/survey_actions.py"/>
        <source>&amp;Unassigned Survey Responses…</source>
        <translation>Niet-toegewezen enquête&amp;antwoorden…</translation>
    </message>
</context>
<context>
    <name>SurveyImportDialog</name>
    <message>
        <location filename="../../ui/dialogs/survey_dialog.py"/>
        <source>Import Survey Results</source>
        <translation>Enquêteresultaten importeren</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/survey_dialog.py"/>
        <source>valid</source>
        <translation>geldig</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/survey_dialog.py"/>
        <source>invalid</source>
        <translation>ongeldig</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/survey_dialog.py"/>
        <source>duplicate</source>
        <translation>dubbel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/survey_dialog.py"/>
        <source>unmatched</source>
        <translation>niet gevonden</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/survey_dialog.py"/>
        <source>&amp;Touchpoint (id or title):</source>
        <translation>&amp;Contactmoment (id of titel):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/survey_dialog.py"/>
        <source>&amp;Phase:</source>
        <translation>&amp;Fase:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/survey_dialog.py"/>
        <source>&amp;Metric (CSAT, NPS, CES, score):</source>
        <translation>&amp;Meting (CSAT, NPS, CES, score):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/survey_dialog.py"/>
        <source>&amp;Value:</source>
        <translation>&amp;Waarde:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/survey_dialog.py"/>
        <source>P&amp;ersona (name):</source>
        <translation>P&amp;ersona (naam):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/survey_dialog.py"/>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/survey_dialog.py"/>
        <source>No file chosen.</source>
        <translation>Geen bestand gekozen.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/survey_dialog.py"/>
        <source>&amp;Choose File…</source>
        <translation>&amp;Bestand kiezen…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/survey_dialog.py"/>
        <source>&amp;Keep unmatched rows as Unassigned</source>
        <translation>Niet gevonden rijen &amp;bewaren als Niet toegewezen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/survey_dialog.py"/>
        <source>Survey results (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>Enquêteresultaten (*.csv *.xlsx *.txt);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/survey_dialog.py"/>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/survey_dialog.py"/>
        <source>column {0}</source>
        <translation>kolom {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/survey_dialog.py"/>
        <source>Choose a CSV or XLSX file of survey results.</source>
        <translation>Kies een CSV- of XLSX-bestand met enquêteresultaten.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/survey_dialog.py"/>
        <source>{0} rows: {1} valid, {2} invalid, {3} duplicate, {4} unmatched.</source>
        <translation>{0} rijen: {1} geldig, {2} ongeldig, {3} dubbel, {4} niet gevonden.</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <location filename="../../ui/dialogs/targets_dialog.py"/>
        <source>Survey Targets</source>
        <translation>Enquêtedoelen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets_dialog.py"/>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets_dialog.py"/>
        <source>Metric</source>
        <translation>Meting</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets_dialog.py"/>
        <source>Target</source>
        <translation>Doel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets_dialog.py"/>
        <source>Better</source>
        <translation>Beter</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets_dialog.py"/>
        <source>Higher is better</source>
        <translation>Hoger is beter</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets_dialog.py"/>
        <source>Lower is better</source>
        <translation>Lager is beter</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets_dialog.py"/>
        <source>&amp;Set Target</source>
        <translation>Doel &amp;instellen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets_dialog.py"/>
        <source>C&amp;lear Target</source>
        <translation>Doel &amp;wissen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets_dialog.py"/>
        <source>&amp;Phase:</source>
        <translation>&amp;Fase:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets_dialog.py"/>
        <source>&amp;Metric:</source>
        <translation>&amp;Meting:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets_dialog.py"/>
        <source>&amp;Target:</source>
        <translation>&amp;Doel:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets_dialog.py"/>
        <source>&amp;Better:</source>
        <translation>&amp;Beter:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets_dialog.py"/>
        <source>higher</source>
        <translation>hoger</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets_dialog.py"/>
        <source>lower</source>
        <translation>lager</translation>
    </message>
</context>
<context>
    <name>TeamLibrary</name>
    <message>
        <location filename="../../ui/dialogs/team.py"/>
        <source>{0} on {1}</source>
        <translation>{0} op {1}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team.py"/>
        <source>Team library: {0}</source>
        <translation>Teambibliotheek: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team.py"/>
        <source>{0}

Try again. Password for {1}:</source>
        <translation>{0}

Probeer het opnieuw. Wachtwoord voor {1}:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team.py"/>
        <source>{0}

Password for {1}:</source>
        <translation>{0}

Wachtwoord voor {1}:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team.py"/>
        <source>The server {0} needs a password to open {1}.

Password for {2}:</source>
        <translation>De server {0} vraagt een wachtwoord om {1} te openen.

Wachtwoord voor {2}:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team.py"/>
        <source>Team library password</source>
        <translation>Wachtwoord teambibliotheek</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team.py"/>
        <source>Publish to Team Library</source>
        <translation>Publiceren in teambibliotheek</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team.py"/>
        <source>Open Team Library</source>
        <translation>Teambibliotheek openen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team.py"/>
        <source>Publish “{0}” to a team library: your team gets a copy of the journey with its saved versions. The journey here stays as it is.</source>
        <translation>“{0}” publiceren in een teambibliotheek: je team krijgt een kopie van de klantreis met de opgeslagen versies. De klantreis hier blijft zoals hij is.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team.py"/>
        <source>A team library is a PostgreSQL database your team shares. Everyone works on the same journeys, and a teammate&apos;s change shows on your screen within seconds.</source>
        <translation>Een teambibliotheek is een PostgreSQL-database die je team deelt. Iedereen werkt aan dezelfde klantreizen, en de wijziging van een teamgenoot staat binnen enkele seconden op je scherm.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team.py"/>
        <source>Server &amp;address:</source>
        <translation>Server&amp;adres:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team.py"/>
        <source>Ask your administrator for the address. An empty database becomes a team library the first time it is opened. When the server asks for a password you are asked for it; cjmapper never stores it.</source>
        <translation>Vraag je beheerder om het adres. Een lege database wordt een teambibliotheek zodra je haar voor het eerst opent. Als de server een wachtwoord vraagt, wordt het jou gevraagd; cjmapper bewaart het nooit.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team.py"/>
        <source>&amp;Recent team libraries:</source>
        <translation>&amp;Recente teambibliotheken:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team.py"/>
        <source>&amp;Publish</source>
        <translation>&amp;Publiceren</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team.py"/>
        <source>&amp;Open</source>
        <translation>&amp;Openen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team.py"/>
        <source>Enter the team library&apos;s address, e.g. {0}.</source>
        <translation>Vul het adres van de teambibliotheek in, bijvoorbeeld {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team.py"/>
        <source>A team library&apos;s address starts with postgresql://, e.g. {0}.</source>
        <translation>Het adres van een teambibliotheek begint met postgresql://, bijvoorbeeld {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team.py"/>
        <source>Connecting to {0}…</source>
        <translation>Verbinden met {0}…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team.py"/>
        <source>The team library could not be opened ({0}); the details were written to the error output.</source>
        <translation>De teambibliotheek kon niet worden geopend ({0}); de details staan in de foutuitvoer.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team.py"/>
        <source>Copy journey to a local library</source>
        <translation>Klantreis naar een lokale bibliotheek kopiëren</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team.py"/>
        <source>Copy “{0}” to a library on this computer?</source>
        <translation>“{0}” naar een bibliotheek op deze computer kopiëren?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team.py"/>
        <source>The copy keeps the journey&apos;s saved versions and is yours alone: changes to it do not reach the team library, and the team&apos;s changes do not reach it.

Your library is {0}.</source>
        <translation>De kopie houdt de opgeslagen versies van de klantreis en is alleen van jou: wijzigingen erin komen niet in de teambibliotheek, en wijzigingen van het team komen niet in de kopie.

Je eigen bibliotheek is {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team.py"/>
        <source>&amp;Your Library</source>
        <translation>&amp;Eigen bibliotheek</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team.py"/>
        <source>&amp;Other Library File…</source>
        <translation>&amp;Ander bibliotheekbestand…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team.py"/>
        <source>Copy journey to library</source>
        <translation>Klantreis naar bibliotheek kopiëren</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team.py"/>
        <source>cjmapper libraries (*.cjm)</source>
        <translation>cjmapper-bibliotheken (*.cjm)</translation>
    </message>
</context>
<context>
    <name>TemplateActions</name>
    <message>
        <location filename="../../ui/window/template_actions.py"/>
        <source>Save as &amp;Template…</source>
        <translation>Opslaan als s&amp;jabloon…</translation>
    </message>
    <message>
        <location filename="../../ui/window/template_actions.py"/>
        <source>Keep this journey&apos;s phases, lanes and personas as a template of your own</source>
        <translation>Bewaar de fasen, rijen en persona&apos;s van deze klantreis als eigen sjabloon</translation>
    </message>
    <message>
        <location filename="../../ui/window/template_actions.py"/>
        <source>Saved as the template “{0}”; Journey › New… lists it.</source>
        <translation>Opgeslagen als het sjabloon “{0}”; Klantreis › Nieuw… toont het.</translation>
    </message>
</context>
<context>
    <name>TemplateButtons</name>
    <message>
        <location filename="../../ui/dialogs/template_buttons.py"/>
        <source>&amp;Rename…</source>
        <translation>&amp;Hernoemen…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/template_buttons.py"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Verwijderen…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/template_buttons.py"/>
        <source>&amp;Import Template…</source>
        <translation>Sjabloon &amp;importeren…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/template_buttons.py"/>
        <source>Show Template &amp;Folder</source>
        <translation>Sjabloon&amp;map tonen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/template_buttons.py"/>
        <source>Rename the chosen template of yours</source>
        <translation>Je gekozen sjabloon hernoemen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/template_buttons.py"/>
        <source>Delete the chosen template of yours</source>
        <translation>Je gekozen sjabloon verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/template_buttons.py"/>
        <source>Add a journey file (.json) to your templates, such as one a colleague sent</source>
        <translation>Een klantreisbestand (.json) aan je sjablonen toevoegen, bijvoorbeeld een dat een collega stuurde</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/template_buttons.py"/>
        <source>Open the folder your templates are kept in, to copy or share them</source>
        <translation>De map met je sjablonen openen, om ze te kopiëren of te delen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/template_buttons.py"/>
        <source>Rename template</source>
        <translation>Sjabloon hernoemen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/template_buttons.py"/>
        <source>Name:</source>
        <translation>Naam:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/template_buttons.py"/>
        <source>Delete template</source>
        <translation>Sjabloon verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/template_buttons.py"/>
        <source>Delete your template “{0}”? Its file is removed; this cannot be undone.</source>
        <translation>Je sjabloon “{0}” verwijderen? Het bestand wordt verwijderd; dit kun je niet ongedaan maken.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/template_buttons.py"/>
        <source>Import template</source>
        <translation>Sjabloon importeren</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/template_buttons.py"/>
        <source>Journey files (*.json)</source>
        <translation>Klantreisbestanden (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/template_buttons.py"/>
        <source>Show template folder</source>
        <translation>Sjabloonmap tonen</translation>
    </message>
</context>
<context>
    <name>TimerDialog</name>
    <message>
        <location filename="../../ui/workshop/timer.py"/>
        <source>Timer</source>
        <translation>Timer</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/timer.py"/>
        <source>&amp;Minutes:</source>
        <translation>&amp;Minuten:</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/timer.py"/>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/timer.py"/>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/timer.py"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pauzeren</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/timer.py"/>
        <source>&amp;Reset</source>
        <translation>&amp;Terugzetten</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/timer.py"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/timer.py"/>
        <source>&amp;Resume</source>
        <translation>&amp;Hervatten</translation>
    </message>
</context>
<context>
    <name>TimerOverlay</name>
    <message>
        <location filename="../../ui/workshop/timer.py"/>
        <source>Click to pause or resume; right-click for more</source>
        <translation>Klik om te pauzeren of verder te gaan; rechtsklik voor meer</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/timer.py"/>
        <source>Time&apos;s up</source>
        <translation>De tijd is om</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/timer.py"/>
        <source>Paused</source>
        <translation>Gepauzeerd</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/timer.py"/>
        <source>Ready</source>
        <translation>Gereed</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/timer.py"/>
        <source>Pause</source>
        <translation>Pauzeren</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/timer.py"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/timer.py"/>
        <source>Reset</source>
        <translation>Terugzetten</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/timer.py"/>
        <source>Set Timer…</source>
        <translation>Timer instellen…</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/timer.py"/>
        <source>Hide Timer</source>
        <translation>Timer verbergen</translation>
    </message>
</context>
<context>
    <name>UnassignedDialog</name>
    <message>
        <location filename="../../ui/dialogs/unassigned_dialog.py"/>
        <source>Unassigned Survey Responses</source>
        <translation>Niet-toegewezen enquêteantwoorden</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unassigned_dialog.py"/>
        <source>Named in the file</source>
        <translation>Naam in het bestand</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unassigned_dialog.py"/>
        <source>Metric</source>
        <translation>Meting</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unassigned_dialog.py"/>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unassigned_dialog.py"/>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unassigned_dialog.py"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unassigned_dialog.py"/>
        <source>The card or phase the selected responses are assigned to</source>
        <translation>De kaart of fase waaraan de gekozen antwoorden worden toegewezen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unassigned_dialog.py"/>
        <source>&amp;Assign</source>
        <translation>&amp;Toewijzen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unassigned_dialog.py"/>
        <source>&amp;Delete</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unassigned_dialog.py"/>
        <source>Assign the selection &amp;to:</source>
        <translation>Selectie toewijzen &amp;aan:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unassigned_dialog.py"/>
        <source>Phase {0}</source>
        <translation>Fase {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unassigned_dialog.py"/>
        <source>(untitled)</source>
        <translation>(zonder titel)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unassigned_dialog.py"/>
        <source>1 response named no card or phase of this journey.</source>
        <translation>1 antwoord noemde geen kaart of fase van deze klantreis.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unassigned_dialog.py"/>
        <source>{0} responses named no card or phase of this journey.</source>
        <translation>{0} antwoorden noemden geen kaart of fase van deze klantreis.</translation>
    </message>
</context>
<context>
    <name>UndoActions</name>
    <message>
        <location filename="../../ui/window/undo_actions.py"/>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <location filename="../../ui/window/undo_actions.py"/>
        <source>&amp;Redo</source>
        <translation>Opnie&amp;uw</translation>
    </message>
    <message>
        <location filename="../../ui/window/undo_actions.py"/>
        <source>&amp;Undo {0}</source>
        <translation>&amp;Ongedaan maken: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/window/undo_actions.py"/>
        <source>&amp;Redo {0}</source>
        <translation>Opnie&amp;uw: {0}</translation>
    </message>
</context>
<context>
    <name>VersionDocument</name>
    <message>
        <location filename="../../ui/dialogs/versions_dialog.py"/>
        <source>This is the saved version “{0}”, which is read-only. Restore it to edit it.</source>
        <translation>Dit is de opgeslagen versie “{0}”, die alleen gelezen kan worden. Zet de versie terug om haar te bewerken.</translation>
    </message>
</context>
<context>
    <name>VersionViewer</name>
    <message>
        <location filename="../../ui/dialogs/versions_dialog.py"/>
        <source>Version “{0}” of {1}</source>
        <translation>Versie “{0}” van {1}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/versions_dialog.py"/>
        <source>Version «{0}», saved {1}, read-only</source>
        <translation>Versie «{0}», opgeslagen {1}, alleen-lezen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/versions_dialog.py"/>
        <source>&amp;Print This Version…</source>
        <translation>Deze versie &amp;afdrukken…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/versions_dialog.py"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <location filename="../../ui/dialogs/versions_dialog.py"/>
        <source>Versions of {0}</source>
        <translation>Versies van {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/versions_dialog.py"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/versions_dialog.py"/>
        <source>Saved</source>
        <translation>Opgeslagen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/versions_dialog.py"/>
        <source>Cards</source>
        <translation>Kaarten</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/versions_dialog.py"/>
        <source>No versions yet. Save one to keep the journey as it is now.</source>
        <translation>Nog geen versies. Sla een versie op om de klantreis te bewaren zoals hij nu is.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/versions_dialog.py"/>
        <source>&amp;Save Version…</source>
        <translation>Versie &amp;opslaan…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/versions_dialog.py"/>
        <source>&amp;Open</source>
        <translation>O&amp;penen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/versions_dialog.py"/>
        <source>&amp;Restore</source>
        <translation>&amp;Terugzetten</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/versions_dialog.py"/>
        <source>&amp;Print…</source>
        <translation>&amp;Afdrukken…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/versions_dialog.py"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Verwijderen…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/versions_dialog.py"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/versions_dialog.py"/>
        <source>Version of {0}</source>
        <translation>Versie van {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/versions_dialog.py"/>
        <source>Save version</source>
        <translation>Versie opslaan</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/versions_dialog.py"/>
        <source>Name of the version:</source>
        <translation>Naam van de versie:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/versions_dialog.py"/>
        <source>Restore version</source>
        <translation>Versie terugzetten</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/versions_dialog.py"/>
        <source>Make the journey what the version “{0}” holds? Its phases, lanes, cards and persona are replaced. Edit › Undo takes it back.</source>
        <translation>De klantreis terugzetten naar de versie “{0}”? De fasen, rijen, kaarten en persona worden vervangen. Bewerken › Ongedaan maken draait het terug.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/versions_dialog.py"/>
        <source>Delete version</source>
        <translation>Versie verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/versions_dialog.py"/>
        <source>Delete the version “{0}”? Edit › Undo brings it back.</source>
        <translation>De versie “{0}” verwijderen? Bewerken › Ongedaan maken haalt haar terug.</translation>
    </message>
</context>
<context>
    <name>Voting</name>
    <message>
        <location filename="../../ui/workshop/voting.py"/>
        <source>Start Dot &amp;Voting…</source>
        <translation>Stemmen met &amp;stippen starten…</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting.py"/>
        <source>&amp;Next Participant</source>
        <translation>Vo&amp;lgende deelnemer</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting.py"/>
        <source>S&amp;top Voting</source>
        <translation>Stemmen s&amp;toppen</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting.py"/>
        <source>&amp;Reset Votes…</source>
        <translation>Stemmen &amp;wissen…</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting.py"/>
        <source>Count clicks on cards as dot votes</source>
        <translation>Een klik op een kaart telt als een stem met een stip</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting_session.py"/>
        <source>1 dot left</source>
        <translation>Nog 1 stip</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting_session.py"/>
        <source>{0} dots left</source>
        <translation>Nog {0} stippen</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting_session.py"/>
        <source>Participant {0} of {1}</source>
        <translation>Deelnemer {0} van {1}</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting_session.py"/>
        <source>1 dot used in this round</source>
        <translation>1 stip gebruikt in deze ronde</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting_session.py"/>
        <source>{0} dots used in this round</source>
        <translation>{0} stippen gebruikt in deze ronde</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting_session.py"/>
        <source>Finish Voting</source>
        <translation>Stemmen afronden</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting_session.py"/>
        <source>Next Participant</source>
        <translation>Volgende deelnemer</translation>
    </message>
</context>
<context>
    <name>VotingBar</name>
    <message>
        <location filename="../../ui/workshop/voting.py"/>
        <source>Dot voting</source>
        <translation>Stemmen met stippen</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting.py"/>
        <source>Stop Voting (Esc)</source>
        <translation>Stemmen stoppen (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting.py"/>
        <source>Click a card to give it a dot; right-click or Ctrl+click takes one back. {0}.</source>
        <translation>Klik op een kaart om er een stip op te zetten; rechtsklikken of Ctrl+klikken neemt er een terug. {0}.</translation>
    </message>
</context>
<context>
    <name>VotingPanel</name>
    <message>
        <location filename="../../ui/workshop/voting.py"/>
        <source>Each participant puts a few dots on the cards that matter most to them.</source>
        <translation>Iedere deelnemer verdeelt een paar stippen over de kaarten die het meest tellen.</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting.py"/>
        <source>&amp;Dots per participant</source>
        <translation>&amp;Stippen per deelnemer</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting.py"/>
        <source>&amp;Participants</source>
        <translation>&amp;Deelnemers</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting.py"/>
        <source>&amp;Start Voting</source>
        <translation>Stemmen s&amp;tarten</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting.py"/>
        <source>&amp;Next Participant</source>
        <translation>&amp;Volgende deelnemer</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting.py"/>
        <source>S&amp;top Voting</source>
        <translation>Stemmen st&amp;oppen</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting.py"/>
        <source>Most voted</source>
        <translation>Meeste stemmen</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting.py"/>
        <source>No votes yet.</source>
        <translation>Nog geen stemmen.</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting.py"/>
        <source>&amp;Reset Votes…</source>
        <translation>Stemmen &amp;wissen…</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting.py"/>
        <source>Voting</source>
        <translation>Stemmen</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting.py"/>
        <source>&amp;Finish Voting</source>
        <translation>Stemmen &amp;afronden</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting.py"/>
        <source>Take the one dot off its card? You can undo this with Edit › Undo.</source>
        <translation>De enige stip van de kaart halen? Je kunt dit ongedaan maken met Bewerken › Ongedaan maken.</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting.py"/>
        <source>Take all {0} dots off the voted card? You can undo this with Edit › Undo.</source>
        <translation>Alle {0} stippen van de kaart halen? Je kunt dit ongedaan maken met Bewerken › Ongedaan maken.</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting.py"/>
        <source>Take all {0} dots off the {1} voted cards? You can undo this with Edit › Undo.</source>
        <translation>Alle {0} stippen van de {1} kaarten met stemmen halen? Je kunt dit ongedaan maken met Bewerken › Ongedaan maken.</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting.py"/>
        <source>Reset votes</source>
        <translation>Stemmen wissen</translation>
    </message>
</context>
<context>
    <name>VotingSession</name>
    <message>
        <location filename="../../ui/workshop/voting_session.py"/>
        <source>Voting stopped: another journey was opened.</source>
        <translation>Stemmen gestopt: er is een andere klantreis geopend.</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting_session.py"/>
        <source>Voting started. Participant 1: click the cards that matter most to you.</source>
        <translation>Het stemmen is begonnen. Deelnemer 1: klik op de kaarten die voor jou het belangrijkst zijn.</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting_session.py"/>
        <source>Voting stopped. {0}.</source>
        <translation>Stemmen gestopt. {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting_session.py"/>
        <source>Everyone has voted. {0}; the most voted cards are listed in the Voting panel.</source>
        <translation>Iedereen heeft gestemd. {0}; de kaarten met de meeste stemmen staan in het paneel Stemmen.</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting_session.py"/>
        <source>Participant {0}: your turn, you have 1 dot.</source>
        <translation>Deelnemer {0}: jouw beurt, je hebt 1 stip.</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting_session.py"/>
        <source>Participant {0}: your turn, you have {1} dots.</source>
        <translation>Deelnemer {0}: jouw beurt, je hebt {1} stippen.</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting_session.py"/>
        <source>No dots left for participant {0}. Click “{1}” to go on.</source>
        <translation>Deelnemer {0} heeft geen stippen meer. Klik op “{1}” om verder te gaan.</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting_session.py"/>
        <source>This card has the most votes a card can hold.</source>
        <translation>Deze kaart heeft al het maximale aantal stemmen.</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting_session.py"/>
        <source>Vote for card {0}</source>
        <translation>Stem op kaart {0}</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting_session.py"/>
        <source>Participant {0} has used all their dots. Click “{1}” to go on.</source>
        <translation>Deelnemer {0} heeft alle stippen gebruikt. Klik op “{1}” om verder te gaan.</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting_session.py"/>
        <source>Participant {0} has no dot on this card to take back.</source>
        <translation>Deelnemer {0} heeft geen stip op deze kaart om terug te nemen.</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting_session.py"/>
        <source>Take back a vote from card {0}</source>
        <translation>Stem op kaart {0} terugnemen</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting_session.py"/>
        <source>Reset votes</source>
        <translation>Stemmen wissen</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/voting_session.py"/>
        <source>All votes were taken off the cards. Edit › Undo brings them back.</source>
        <translation>Alle stemmen zijn van de kaarten gehaald. Bewerken › Ongedaan maken zet ze terug.</translation>
    </message>
</context>
<context>
    <name>WallPhotoPanel</name>
    <message>
        <location filename="../../ui/panels/wall_photo.py"/>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/panels/wall_photo.py"/>
        <source>Set Photo…</source>
        <translation>Foto kiezen…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/wall_photo.py"/>
        <source>Replace Photo…</source>
        <translation>Foto vervangen…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/wall_photo.py"/>
        <source>No wall photo yet. Add a photo of the workshop&apos;s wall; the poster prints it on its back page.</source>
        <translation>Nog geen foto van de muur. Voeg een foto van de muur van de workshop toe; de poster drukt die af op de achterpagina.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/wall_photo.py"/>
        <source>The wall photo cannot be shown.</source>
        <translation>De foto van de muur kan niet worden getoond.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/wall_photo.py"/>
        <source>Wall Photo</source>
        <translation>Foto van de muur</translation>
    </message>
</context>
<context>
    <name>WorkshopController</name>
    <message>
        <location filename="../../ui/workshop/controller.py"/>
        <source>&amp;Workshop Mode</source>
        <translation>Wor&amp;kshopmodus</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/controller.py"/>
        <source>Full screen, larger type and the phases and lanes locked, for a workshop with a projector</source>
        <translation>Volledig scherm, grotere letters en vaste fasen en rijen, voor een workshop met een beamer</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/controller.py"/>
        <source>Leave Workshop Mode</source>
        <translation>Workshopmodus verlaten</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/controller.py"/>
        <source>&amp;Previous Phase</source>
        <translation>V&amp;orige fase</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/controller.py"/>
        <source>&amp;Next Phase</source>
        <translation>&amp;Volgende fase</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/controller.py"/>
        <source>&amp;Whole Journey</source>
        <translation>&amp;Hele klantreis</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/controller.py"/>
        <source>&amp;Quick Capture</source>
        <translation>Sn&amp;el noteren</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/controller.py"/>
        <source>Arrow keys choose a cell, typing adds a card to it, Enter starts the next one, Esc stops</source>
        <translation>Met de pijltjestoetsen kies je een vak, typen voegt er een kaart aan toe, Enter begint aan de volgende, Esc stopt</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/controller.py"/>
        <source>&amp;Timer…</source>
        <translation>&amp;Timer…</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/controller.py"/>
        <source>A countdown for exercises, shown large above the map</source>
        <translation>Een aftelklok voor opdrachten, groot boven de klantreis</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/controller.py"/>
        <source>&amp;Start or Pause Timer</source>
        <translation>Timer &amp;starten of pauzeren</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/controller.py"/>
        <source>Workshop mode: arrow keys choose a cell, type to add cards, Page Up/Down for the phases. F11 or Esc leaves.</source>
        <translation>Workshopmodus: kies een vak met de pijltjestoetsen, typ om kaarten toe te voegen, PgUp/PgDn voor de fasen. F11 of Esc om te verlaten.</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/controller.py"/>
        <source>Left workshop mode.</source>
        <translation>Je hebt de workshopmodus verlaten.</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/controller.py"/>
        <source>Quick capture: arrow keys choose a cell, type to add a card, Enter for the next, Esc stops.</source>
        <translation>Snel noteren: kies een vak met de pijltjestoetsen, typ om een kaart toe te voegen, Enter voor de volgende, Esc stopt.</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/controller.py"/>
        <source>Workshop mode keeps the structure as it is: leave it (F11) to undo “{0}”.</source>
        <translation>De workshopmodus houdt de indeling vast: verlaat die (F11) om “{0}” ongedaan te maken.</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/controller.py"/>
        <source>Workshop mode keeps the structure as it is: leave it (F11) to redo “{0}”.</source>
        <translation>De workshopmodus houdt de indeling vast: verlaat die (F11) om “{0}” opnieuw te doen.</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/controller.py"/>
        <source>Workshop mode keeps the structure as it is: leave it (F11) to change it.</source>
        <translation>De workshopmodus houdt de indeling vast: verlaat die (F11) om de indeling te wijzigen.</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/controller.py"/>
        <source>Time&apos;s up!</source>
        <translation>De tijd is om!</translation>
    </message>
</context>
</TS>
