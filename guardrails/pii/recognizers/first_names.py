"""Common given names across the languages a European/US retailer hears.

Used only to promote spaCy entities with another label (the small model often calls
"Sophie Lang" an ORG) and capitalised name pairs to PERSON. Names that are also everyday
English words or product names (May, Grace, Max, Jack...) are left out on purpose.
"""

from __future__ import annotations

import unicodedata

_NAMES = """
aaron abdul abdullah abel abigail abraham adam adela adeline adolf adrian adriana adrienne agata
agathe agnes agnieszka agustin ahmad ahmed aidan aiko aileen aino aisha akira alain alan alba albert
alberto albin alejandra alejandro aleksander aleksandra alena alessandra alessandro alessia alex
alexander alexandra alexandre alexei alexis alfred alfredo ali alice alicia alina aline alison alistair
allan allison alma alois alva alvaro amanda amelia amelie amina amir amos amy ana anastasia anders andrea
andreas andrei andrej andres andrew andrzej aneta angela angelika angelo angus anita anja anke ann anna
annabel anne anneli annette anni annika antal anthony antoine anton antonia antonio anu arianna ariane
arja armando arne arnaud arnold arthur arturo arvid asa asha astrid atle aurelie aurora axel ayesha
barbara barbora bart bartosz basil beata beatrice beatriz bela belinda benedikt benjamin bengt benoit
bernard bernd bernhard berit bertrand bettina bianca birgit birgitta bjorn blanca bogdan bohdan boris
brenda brendan brian bridget brigitte britta bruno bryan camila camille carina carl carla carlo carlos
carmen carol carolina caroline casper catalina catarina caterina catherine cecile cecilia celine cesar
charles charlotte chiara christian christina christine christoph christophe christopher cinzia claire
clara clarissa claude claudia claudio clemens colin connor constance cormac cristina cristian cyril
dagmar dagny damian daniel daniela danielle dariusz david davide debora deborah declan denis denise
desmond diana diane diego dieter dimitri dimitris dirk dmitri dmitry dolores dominik dominika dominique
donald dorota dorothea dorothy douglas duncan dusan edith edoardo eduardo edvard edward edwin eero
einar eirik elena eleni eleonora elias elif elin elina elisa elisabeth elisabetta eliska eliza
elizabeth elke ella ellen elodie eloise elsa elzbieta emil emilia emilie emily emma emmanuel enrico
enrique eric erik erika erikas erin ernesto ernst esa esko esteban estelle ester esther etienne eugen
eugene eva evelyn evgeny ewa ezra fabian fabio fabrice farah fatima federica federico felipe felix
fernanda fernando filip filipa filippo fiona florian francesca francesco francisco franciszek
francois frank franz freddie frederic frederik frida fridrik friedrich gabor gabriel gabriela gabriele
gabrielle gareth gaston geert george georg georgios gerald gerard gerhard gianluca gianni
gilbert gillian giorgio giovanna giovanni gisela giulia giulio giuseppe gladys gonzalo gordon gorka
graham gregor gregory greta gudrun guillaume gunnar gunther gustav gustavo gyorgy hakan halina hamid
hana hanna hannah hannes hans harald harriet harry hassan heather hector heidi heike heinrich heinz
helen helena helene helga helmut henri henrik henrique henry herbert hermann hilda hilde hiroshi
holger hubert hugo ian ibrahim ida igor ilona ines inga inge ingrid irene irina iris irma isaac isabel
isabella isabelle isak ivan ivana ivo jacek jacob jacqueline jacques jakob jakub james jan jana jane
janet janina janne janusz jaroslav jasmin jason javier jean jeanne jennifer jens jeremy jerome
jesper jessica jesus jiri joachim joana joanna joao joaquin jochen joel johan johann johanna johannes
john jon jonas jonathan jordi jorge jorgen jose josef josefa joseph josephine joshua juan judit judith
julia julian juliana julie julien julius jurgen justyna jutta kacper kai kaja kamil karel kari karin
karl karla karolina kasia katalin katarina katarzyna kate katharina katherine kathrin katja katrin
kazimierz keith kenneth kerstin kevin khalid kim kirsten klara klaus knut konrad kristian kristina
kristof krisztina krzysztof kurt lars laszlo laura laurence laurent lea leena leif lena leon leonardo
leonie leopold lidia liisa lilian lina linda lisa liam lionel lorenzo louis louise luca lucas lucia
luciana lucie ludwig luis luisa luiza lukas lukasz luzia lydia maciej madeleine magda magdalena magnus
maja malgorzata malin manfred manuel manuela marc marcel marcela marcello marco marcus margaret margit
margrethe maria marian mariana marianne marie marina mario marion marisa marit marius marja marjorie
marko marta marten martha martin martina martyna marzena mateusz matheus mathias mathilde matilda
matteo matthew matthias matti maurice mauricio maximilian mehmet melanie melissa mette michael michaela
michal michel michele michelle miguel mika mikael mikhail miklos milan milena miriam mirjam miroslav
mohamed mohammad mohammed monica monika morten nadia nadine natalia natalie nathalie nathan nicola
nicolas nicole niels nikita nikolai nikolaos nils nina noah noemi nora norbert oda odile olaf olga oliver
olivia olivier omar oscar oskar otto pablo paola pascal patricia patrick patrik paul paula paulina
pavel pavla pawel pedro peter petra philip philipp philippe pia piero pierre pietro piotr pirjo
priya rachel radek rafael rafal raffaele raimo rainer ramon raphael raquel rasmus raul rebecca
reinhard rene renata renate ricardo riccardo richard rita robert roberta roberto rodrigo roger roland
rolf roman romain ronald rosa rosalind rosario ruth ryszard sabine sabrina salvatore samantha samuel
sandra sanna sara sarah sascha sebastian sebastien selma sergei sergey sergio severin sigrid silvia
simon simona simone sinead siobhan sofia sofie sonia sonja sophia sophie stanislav stefan stefania
stefano steffen stella stephan stephane stephanie steven stig susan susana susanne svein sven svetlana
sylvia sylvie tadeusz tamara tanja tatiana teresa thea theo theodor thomas thorsten tiago tibor
tim timo tobias tomas tomasz tommaso tore torsten tove ulla ulrich ulrike urs ursula uwe valentina
valentin valerie vanessa vasilis vera veronica veronika viktor viktoria vilma vincent vincenzo
violeta virginia vittorio vladimir vojtech walter werner wiktoria wilhelm william wim wojciech wolfgang
xavier yannick yasmin yusuf yvonne zbigniew zdenek zofia zoltan zoe zuzana
"""

FIRST_NAMES = frozenset(_NAMES.split())


def fold(word: str) -> str:
    """Lower-case without accents, so "Zoë" and "zoe", "Łukasz" and "lukasz" match."""
    lowered = word.lower()
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered.replace("ł", "l").replace("ø", "o"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_first_name(word: str) -> bool:
    return fold(word.strip(".,'’")) in FIRST_NAMES
