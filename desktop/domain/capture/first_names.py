"""First names that, nearly everywhere they are used, belong to women or to men: a weak
hint for who "she" or "he" is in a note that never says (see promises/reader_base).
Hand-written for Rapport; names used for both (Alex, Sam, Andrea, Jean, Kim, Sasha, Robin,
Yuki, Nikita, Jordan, ...) are deliberately absent."""

_FEMALE_NAMES = """
mary patricia jennifer linda elizabeth barbara susan jessica sarah nancy lisa betty margaret
sandra kimberly emily donna michelle dorothy amanda melissa deborah stephanie rebecca laura
cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine
christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie joyce
victoria olivia christina lauren judith megan cheryl hannah martha jacqueline frances gloria ann
anne teresa kathryn sara janice alice doris abigail julia judy grace denise amber marilyn
danielle theresa sophia marie diana brittany natalie isabella charlotte rose kayla ava mia
amelia ella chloe lily zoe zoë layla nora hazel aurora penelope eleanor scarlett violet stella
lucy claire clare alison allison gillian jill joanne joanna josephine katie kate kathy cathy
katy kirsten kristin lynne mandy maxine melanie molly nina paige penny philippa pippa polly
rosemary rosie sally sadie sophie susie suzanne tina trudy valerie vanessa wendy yvonne abbie
abby agnes alicia annabel annabelle annie april audrey beatrice belinda bernadette beth bethany
betsy bonnie brianna bridget caitlin kaitlyn candice carla carmen caroline carrie cassandra
cassie cecilia celia charlene chelsea claudia connie cora daisy daphne dawn debbie delia della
dolly dora edith edna eileen elaine elena eliza ellen ellie eloise elsie emilia erica erika
esther ethel eve faith felicity fiona flora florence gabrielle gail gayle gemma georgia georgina
geraldine gertrude gwendolyn harriet heidi henrietta hilda holly imogen ingrid irene iris isabel
isabelle isobel ivy jade jane janine jasmine jeanette jemima jenna jenny josie joy juliet
juliette june justine karla katrina kylie lana laurel leah leanne lena leona lillian lilly
loretta lorna lorraine louisa louise lucinda lydia lynda mabel maggie marcia margot marianne
marina marjorie marsha martina matilda maud maude maureen mavis meghan melinda mildred millie
miranda miriam muriel myra nadia naomi natasha nell nellie noelle olive pearl peggy phoebe
phyllis priscilla rachael rebekah regina renee rhonda rita roberta robyn rosa rosalind rosalie
rosanna roxanne ruby sabrina savannah selina serena sheila sherry sonia sonya susannah sylvia
tabitha tamara tammy tanya tessa thelma tiffany trisha una ursula vera verity veronica vicki
vickie viola vivienne wanda wilma winifred yolanda zara liz lizzie libby kathie becky meg jen
sue suzy patty trish cindy mindy gwen bella tilly hattie evelyn zoey aria luna hailey haley
adeline gianna eliana nevaeh piper alexa delilah arianna kaylee brielle madeline madelyn melody
alyssa juliana genevieve arabella harmony elise sienna gracie brooke alaina makayla angelina
adriana lila catalina julianna leila lola jayla evangeline kaia magnolia lilah lilliana maddison
miley kyla kayleigh hallie lainey cheyenne francesca chloé kendra carly natalia kristina kirstie
dianne deanna deanne jolene janelle jeanne jeannette joann joanie ginny gina tara tammie tonya
latoya latisha keisha shanice shaniqua tanisha ebony aaliyah kiara jasmin yasmin talia elaina
annalise katelyn kaitlin katharine kathrine carolina jacquelyn margaretta rosamund philomena
constance prudence hermione ophelia cordelia octavia clementine esme esmé esmeralda anastasia anya
alexandra chantelle charmaine colleen noreen doreen bridie bernice beryl blanche christa cicely
claudette corinne darlene deirdre dolores dorothea edwina elsa elspeth estelle eugenia
evangelina fay faye florrie freda gabriella georgette gertie gladys glenda glenys greta gretchen
gwyneth hester ida imelda ina irma isadora isla jeannie jeanine juanita judi kerri lavinia
leonora letitia lettie lindy lorena lottie lucille lula lulu lynette madge mae magdalene
marcella margery margie marguerite mariah marla marlene maxene minnie mona myrtle nadine nanette
nettie nola norma odette olga opal pansy pauline petra petula queenie rena rhoda ronda rosetta
rosina roslyn rowena roxana sabina sallie selma shauna sheena shona sibyl sybil simona sophronia
susanna tamsin thomasina tilda trixie velma verna wilhelmina winnie yvette zelda

aoife niamh siobhan siobhán saoirse sinead sinéad orla orlaith aisling ciara clodagh grainne
gráinne roisin róisín caoimhe eimear emer maeve méabh meabh mairead máiread nuala aoibheann
aoibhinn sadhbh sorcha úna brigid doireann muireann eabha éabha cliona clíona laoise nessa maire
máire mairéad treasa aine áine ailbhe fionnuala fionnula orna bláthnaid blathnaid morag mhairi
catriona eilidh kirsty ishbel ailsa rhona moira marjory iona angharad bethan bronwen carys
catrin cerys eirlys eleri ffion gwenllian lowri mair mererid nia nerys rhian rhiannon seren siân
sian sioned tegan tegwen eira heulwen llinos olwen

monika sabine karin renate helga gisela brigitte susanne birgit heike angelika elke stefanie
katharina leonie hanna johanna klara amelie luisa frieda paula mila katrin kathrin anke anja
antje astrid beate bettina cornelia dagmar elfriede gertrud gudrun hannelore hildegard ilse
irmgard jutta kerstin lieselotte liselotte margit margarete maren rosemarie silke sonja svenja
tanja ulrike ute uta waltraud wiebke anneliese anna-lena annika birte britta carina carolin
christiane constanze daniela franziska friederike gerda gesine gertraud hedwig henrike isabell
juliane luise magdalena manuela mareike meike merle natascha nele ramona roswitha saskia therese
ulla verena viktoria annegret annette brunhilde elfi erna frauke gesa heidrun hertha ilona
karola lotte mechthild rebekka sieglinde swantje tabea thea steffi kathi susi annemarie
edeltraud irmtraud walburga renata liesel liesl gretel grete jördis jordis

hendrika petronella sanne anouk femke fleur marieke marloes mirjam nienke roos anneke annelies
bregje carolien froukje hanneke janneke jolanda liesbeth loes maaike manon margriet marjolein
mieke mirthe moniek myrthe nathalie renske rianne sietske ineke lieke lonneke merel tineke
veerle griet katrien lieve els hilde ria riet truus annemiek geertje neeltje fenna jildou
lysanne marit noortje roosmarijn famke yfke jitske

birgitta margareta malin linnea elin frida maja ebba alva saga signe siri sigrid solveig tove
ulrika åsa camilla charlotta emelie josefin karolina katarina mikaela pia sanna ylva agneta
anette anneli berit britt gunilla gunnel inger ingela ingeborg lene liv mette randi ragnhild
silje siv stine torill trine turid unni vigdis bente birgitte dorthe gitte hanne helle jette
lise pernille rikke tine vibeke freja frederikke malene nanna gro hege kjersti marte mari oda
sunniva synnøve tiril tuva vilde åse lovisa ingegerd gunhild ragna torunn åshild kirsti synnove
ashild

guðrún kristín sigríður margrét sigrún ingibjörg jóhanna katrín björk ragnheiður þórunn hildur
halla vigdís elín erla brynja ásdís thorunn sigridur margret sigrun ingibjorg bjork ragnheidur
asdis

aino helmi liisa kaarina marjatta tuula päivi pirjo riitta sirpa tiina tarja merja minna satu
sari katja kirsi leena marja mervi niina outi raija ritva seija sinikka terhi tuija virpi eija
elina heli henna hilkka irja jaana jenni kaisa kaija maarit marika marjut mirja nelli noora
pauliina pirkko raili riikka saara sirkka suvi taina tuulikki venla eveliina iida kristiina
lotta milla oona ronja siiri veera elli maija annikki aune hellevi kerttu lempi sanni paivi

kadri kristi liis maarja merike piret reet riina triin kersti liina kairi tiia ilze inese
kristīne līga baiba dace sanita evija agnese elīna dzintra rūta ruta jurgita asta inga vilma
giedrė giedre agnė agne ieva austėja gabija aistė aiste rasa eglė egle daiva indrė indre austeja

françoise monique sylvie martine sandrine valérie véronique céline stéphanie chantal émilie
aurélie virginie hélène léa inès lucie anaïs mathilde océane élodie amandine delphine élise
fanny gaëlle géraldine ginette josiane laetitia lætitia laëtitia margaux mélanie morgane
murielle noémie odile ophélie pascale perrine roselyne ségolène solène solenne sylviane séverine
thérèse agathe anne-marie anne-sophie annick apolline armelle blandine capucine cécile clémence
colette coralie danièle éléonore élisabeth éloïse émeline eugénie évelyne germaine gisèle
héloïse huguette irène jocelyne joséphine léonie lucienne lydie madeleine maëlle marie-claire
marie-christine marie-france marie-laure marie-hélène marie-thérèse marie-anne marie-josé
marie-noëlle marie-odile marie-paule marine marthe maryse maryvonne mireille nadège noëlle
paulette raymonde renée romane salomé solange tiphaine victoire viviane yolande ghislaine
bérénice clotilde hortense jacinthe mylène nolwenn rozenn soizic sidonie véra zoé lou-anne lilou
louane maëlys anne-laure anne-claire ludivine francoise veronique celine emilie aurelie helene
lea ines anais oceane elodie gaelle noemie ophelie segolene solene severine cecile clemence
eleonore elisabeth emeline eugenie evelyne heloise maelle marie-helene marie-therese marie-jose
marie-noelle nadege berenice maelys

giuseppina giovanna carmela caterina antonietta chiara giulia alessia federica valentina silvia
paola elisa eleonora ilaria marta stefania alessandra antonella emanuela fabiola giorgia grazia
letizia lorenza loredana margherita michela monica noemi ornella patrizia raffaella rossella
tiziana vittoria donatella elisabetta flavia ginevra livia lucrezia ludovica marisa mirella
nicoletta rosaria annalisa annamaria assunta concetta filomena immacolata nunzia vincenza
benedetta costanza adele amalia bianca debora fiorella franca ilenia lidia mara mariangela
mariella ottavia piera rosalba rossana carlotta cinzia graziella maddalena mariagrazia mariarosa
orsola pierina santina teresina tommasina mirta

maría josefa ana lucía francisca antonia pilar mercedes raquel concepción rocío rocio beatriz
montserrat montse nuria núria encarnación encarna inmaculada inma amparo ángela alba noelia
verónica clara sofía valeria ximena jimena camila mariana fernanda alejandra araceli azucena
blanca consuelo estefanía esperanza estela fátima graciela inés josefina juana leticia lourdes
luz macarena margarita marisol milagros mónica nerea remedios soledad susana yesenia mireia laia
aina meritxell roser neus ariadna berta ainhoa amaia maite itziar edurne arantxa idoia leire
iratxe garazi miren begoña itxaso nekane lorea yadira maricela dayana karina xiomara marisela
guillermina florencia agustina delfina luciana micaela rosalía rosalia maribel mariló paquita
conchita pepa angustias asunción ascensión gertrudis herminia hortensia leonor eulalia rosaura
socorro candelaria eva concepcion encarnacion sofia estefania begona marilo asuncion ascension

antónia antônia márcia patrícia aline bruna jéssica letícia júlia larissa cláudia débora rafaela
conceição conceicao joana catarina matilde margarida mafalda filipa madalena graça graca lúcia
sónia sílvia andreia tânia tania cristiana liliana natália jaqueline priscila thaís thais
tatiane rosângela rosangela sueli luana lívia giovana heloísa heloisa cecília eduarda vitória
cristiane daiane eliane fabiana flávia gisele ivone jussara kátia katia neide rosana rosane
silvana valéria zilda aparecida benedita raimunda vitoria

katarzyna małgorzata agnieszka ewa krystyna elżbieta zofia danuta jadwiga irena aleksandra beata
dorota grażyna halina iwona jolanta justyna kinga paulina sylwia urszula weronika wiesława
bożena agata alicja aneta celina edyta ewelina gabriela izabela jagoda janina kamila klaudia
lucyna marzena milena oliwia patrycja wiktoria zuzanna martyna dominika mariola wioletta iga
halszka bogusława stanisława józefa genowefa władysława kazimiera jana hana lenka kateřina věra
alena jaroslava michaela jitka zdeňka zdenka markéta helena ludmila jarmila barbora kristýna
eliška zuzana libuše miroslava pavla radka šárka blanka denisa iveta klára marcela milada silvie
vendula ľudmila soňa stanislava drahomíra bohumila anežka malgorzata elzbieta grazyna wieslawa
bozena boguslawa stanislawa jozefa wladyslawa marketa kristyna eliska libuse sarka drahomira
anezka

mária erzsébet katalin éva zsuzsanna zsuzsa judit ágnes krisztina ildikó anikó mónika tímea
szilvia marianna eszter ibolya irén enikő beáta csilla dóra emese hajnalka jolán lilla nikolett
noémi piroska réka rozália szandra tünde zita zsófia boglárka dorina fanni flóra jázmin kitti
lili nóra bernadett brigitta etelka gizella magdolna sarolta terézia borbála izabella kriszta
orsolya aranka jolánka erzsebet ildiko aniko timea iren eniko jolan reka rozalia zsofia boglarka
jazmin terezia borbala jolanka

ioana andreea mihaela cristina georgiana raluca nicoleta oana larisa corina florentina iuliana
luminița mădălina mirela otilia petronela rodica sorina teodora violeta aurelia camelia cosmina
doina ecaterina floarea ileana lucia smaranda viorica anca ancuța geanina ionela ștefania
anișoara luminita madalina ancuta anisoara

natalya tatiana tatyana svetlana irina ekaterina yekaterina katya nastya yulia yuliya oksana
lyudmila galina lyubov nadezhda raisa zoya alla alina alyona darya daria dasha elizaveta inna
kseniya ksenia lilia liliya polina sofya taisiya ulyana vasilisa veronika yana zhanna arina
evgenia yevgenia liza masha nadya sveta vika yuliana zinaida antonina klavdia lyuba olesya
snezhana olena oleksandra iryna kateryna nataliya tetiana tetyana yuliia khrystyna halyna
liudmyla nadiia mariya solomiya lesya bohdana zlata myroslava vira olya yevdokiya evdokia
praskovya marfa agafya varvara alevtina albina anzhela faina kira lada lilya milana rimma
vasilina violetta yaroslava zarina

marija jelena ivana milica dragana snežana snezana vesna biljana gordana jasmina mirjana nataša
natasa sanja tijana jovana anđela andjela nikolina ivona iva ljiljana radmila slavica zorica
mira nada desislava radostina tsvetelina gergana yordanka elitsa silviya ralitsa veselina
boryana rositsa dragica branka danica dušanka stana višnja andela dusanka visnja

eleni aikaterini katerina vasiliki angeliki dimitra konstantina ioanna evangelia paraskevi
panagiota eirini irini despina athina chrysa chrysoula eftychia efthymia foteini kalliopi
kyriaki magdalini ourania roula sotiria stavroula styliani theodora vaso zoi antigoni afroditi
aliki areti argyro danai elpida fotini ioulia kassiani marilena melina myrto pinelopi smaragda

ayşe ayse fatma emine hatice zeynep elif meryem şerife hanife merve büşra busra esra ebru özlem
ozlem gülşen gulsen ayla aylin aysel ayten berna burcu canan çiğdem cigdem dilek duygu ece eda
emel esin feride filiz gamze gizem gökçe gonca gülay hacer hande hülya hulya ipek irem kübra
kubra leyla melek melike melis meltem nazlı nazli nermin nesrin nilay nilüfer oya pelin pınar
pinar rabia seda selin sema sevgi sevda sibel songül tuğba tugba tülay yasemin yeşim yesim zehra
şule aslı asli beril betül betul bahar beyza cansu damla defne dilara ecrin ela eylül gülsüm
işıl kevser kezban lale müge nazan nuray özge ozge rukiye saadet sevim sinem şeyma seyma tuğçe
tugce tuana yağmur yagmur zerrin zübeyde ayşegül aysegul gülten güler sevil nargiz aytan könül
serife gokce gulay nilufer songul tulay eylul gulsum isil muge zubeyde gulten guler konul

fatima fatimah aisha aicha ayesha aysha khadija khadijah maryam mariam zainab zaynab zeinab
laila amira yasmine salma samira sameera hanan hanane huda hoda rania randa reem rasha dina
dalia dalal ghada hala hiba heba inas lina lubna loubna muna najla nawal nisreen nesrine noura
rawan rehab sahar samar sana sanaa suha suad souad wafa widad yara zahra zahraa zeina zaina
jamila jameela karima latifa malak manal maha naima safiya safia sawsan shaima shaimaa soumaya
sumaya abeer afaf asma asmaa basma bushra dunia duaa doaa hajar lamia lamya nahla najat nermine
raghad rahaf rima salwa shahd sondos tasneem wiam yousra yusra zahia zakia zohra zoubida aya
hind jumana lujain nabila ghalia meriem khadidja fadoua imane naoual nezha saida siham touria
wissal kenza zineb chaimae houda khaoula

fatemeh narges nasrin parisa parvaneh shirin soraya mina nazanin niloufar nilufar neda negar
roya setareh shabnam shahrzad sheida simin sima soheila taraneh yasaman golnar goli farnaz
fereshteh forough mahsa mahnaz marjan mahboubeh mehri minoo mojgan nahid pari pegah sepideh
shohreh tahereh tannaz ziba azadeh elham elnaz faezeh fariba firouzeh golnaz hengameh homa
katayoun ladan manijeh marzieh masoumeh mahtab nastaran parastoo samaneh shokoufeh somayeh
zohreh farzaneh fatemah mahin mehrnaz shahla shahnaz golshifteh aigerim aizhan dinara gulnara
madina dilnoza gulnoza nodira feruza malika shahnoza nigora aliya asel aruzhan nazira gulmira
gulsara aida ketevan natia salome maia lela manana tinatin anahit lilit gayane hasmik armine
anush narine siranush shushan tatevik lusine astghik nune tamar

rivka yael shira efrat galit hadas hila keren limor liat merav orit orly osnat ravit revital
sigal tali tova tzipora ayelet anat dafna einat hagit idit irit mazal meital naama nili nurit
ofra ronit rina shani shoshana shulamit smadar varda yafa yardena yehudit yifat zehava ziva
inbal noga ortal reut shiri shlomit tehila hodaya avital batsheva bat-sheva chana hadassah
devorah dvora rivki sarit

priya pooja puja anjali neha sneha kavita kavitha sunita anita sushma rekha meena seema sangeeta
sangita geeta gita divya deepa deepika shilpa swati swathi shweta sweta aishwarya ananya aditi
riya shreya isha ishita nisha radha sita savita usha uma asha archana aarti arti bhavana bhavna
charu chitra devi gayatri gauri hema indira kajal kalpana kamala kavya komal kriti lata madhuri
malini mamta manisha meera mohini nandini nidhi pallavi parvati payal poonam prachi pragya
preeti priyanka radhika renu ritu rupa sadhana sapna sarita shalini shanti sharmila shobha
shruti smita sonal sonali srishti sudha sujata sunanda supriya sushila tanvi urmila vaishali
vandana varsha vidya vimala yamini ankita anushka aparna bhumika dipti garima harini jayashree
lavanya mahalakshmi meenakshi parul pavithra rajeshwari revathi saranya shanthi sindhu
kalaiselvi selvi thenmozhi valli yamuna kaveri nirmala vijayalakshmi bhuvana janani keerthana
kiruthika nithya priyadarshini ramya sangeetha sripriya subbulakshmi sumathi vasanthi gomathi
jeyanthi indumathi ambika anuradha chandrika ishani nivedita sharmistha moumita paromita
rituparna sreya tanushree debjani mousumi moushumi bipasha sushmita rupali sulochana manjula
shashikala roopa sumitra kamini damini harleen jasleen gurleen aishani anika aadhya saanvi diya
avni navya aarohi shivani vidhya yashoda savitri sarojini shakuntala hemalatha premalatha
swarnalatha jayanthi vasundhara

sadia saima hina amna aamna mehwish maham mahnoor nimra iqra sidra sobia sumaira tahira uzma
farzana nazia rukhsana shazia shabana samina saba huma aqsa anum hafsa javeria laiba mahira
sehrish sehar sumbul tayyaba zunaira areeba alishba arooj fozia fouzia ghazala humaira nighat
parveen robina rubina ruqayya shaista shagufta yasmeen taslima sultana rokeya sharmin farhana
tahmina rozina ruma mukta shampa jesmin khaleda hasina sumaiya tanjila nazneen nasima bristy
papiya lipi shila

siti ayu wati putri indah fitri lestari kartika ratna yuni endang wulan intan mega novi retno
kurniawati susanti nining yanti melati puspita ningsih ani aisyah nurhaliza amirah syafiqah
nabilah aqilah izzati fatin hidayah syahirah atiqah noraini rohani rosnah salmah zaleha zuraidah
faridah hasnah normah rosmah aishah sharifah megawati sukarni maricel marites maricar mylene
jennylyn analyn marivic liezl kristine marilou maricris

mei meiling xiaomei fang xiuying guiying xiulan yuying xiuzhen xiaohong xiaoyan tingting
lingling jingjing fangfang yingying yuting xinyi meihua xiuli shuying guilan yumiko keiko sakura
aiko hanako yoko yuko akiko michiko naoko noriko sachiko tomoko kyoko emiko fumiko hiroko junko
kazuko mariko masako mayumi megumi midori reiko setsuko shizuka takako yoshiko chieko eiko
himari yua yui misaki nanami ayaka eri kana kanako kaori mami manami mayu miho minako misato
momoko rie rika risa saki sayaka shiori yukiko yuka yukari yumi yuna yuriko akane azusa hitomi
kumiko machiko mitsuko natsumi reina sanae satomi sumiko tamiko yasuko haruko kimiko kiyoko
etsuko hideko kanae mayuko miwa nobuko ritsuko ryoko sayuri shoko toshiko yaeko asami harumi
min-jung minjung seo-yeon seoyeon ha-eun haeun soo-jin soojin eun-ji eunji hye-jin hyejin
ji-young jiyoung mi-young miyoung eun-young eunyoung young-mi youngmi mi-kyung mikyung soo-yeon
sooyeon ji-eun jieun ji-hye jihye ji-yeon jiyeon hye-won hyewon seo-hyun seohyun min-seo minseo
na-yeon nayeon da-eun daeun eun-seo eunseo chae-won chaewon ye-jin yejin yoon-ah yoona so-yeon
soyeon hyo-jin hyojin mi-sook misook young-ja youngja sun-hee sunhee eun-hee eunhee mi-ra huong
hương hoa trang thao thảo thuy thủy nga nhung yến tuyet tuyết diep oanh vy nhi

ama efua akua abena yaa akosua adwoa esi afua afia efia aba araba ekua adjoa adjua afi abla
akossiwa ngozi chioma adaeze adaora ada nneka nkechi ifeoma chinwe chiamaka amaka ifeyinwa
obiageli nkiru nkiruka chidinma chinyere oluchi ebere akunna uzoamaka ogechi ijeoma nwanneka
ugochi funmilayo folake folasade sade bukola bukky yetunde bisi busola funke funmi kemi modupe
morenike omolara ronke titilayo titi wuraola yewande adunni aduke iyabo jumoke omotola oluwakemi
omowunmi amina hadiza halima hauwa binta hafsat rakiya asabe ladi larai maimuna rahama hajara
balaraba wanjiku wambui wairimu wanjiru njeri nyambura wangari mumbi nyokabi wangui muthoni
achieng atieno akinyi adhiambo awino anyango auma akoth apiyo jepkosgei jepchirchir chepkemoi
chebet jeptoo neema zawadi rehema mwanaisha mwikali mwende ndinda lerato palesa nomvula nomsa
thandiwe thandi nandi zodwa busisiwe nokuthula zanele lindiwe ntombi nonhlanhla nosipho
nomthandazo khanyisile phumzile nompumelelo nokwanda zinhle dineo nthabiseng refilwe naledi
tigist meseret almaz aster hiwot mahlet senait tsion rahel bezawit etenesh genet kidist mekdes
tirunesh tsehay yodit zenebech zewditu birtukan hirut lulit tsige fatou aminata awa mariama
aissatou aïssatou ndeye ndèye coumba khady astou bineta dieynaba penda rokhaya sokhna oumou
kadiatou kadidia hawa maimouna nafissatou fanta salimata djeneba rumbidzai chipo tsitsi rudo
"""
_MALE_NAMES = """
james john robert michael william david richard joseph thomas charles christopher daniel matthew
anthony mark donald steven stephen paul andrew joshua kenneth kevin brian george timothy ronald
edward jason jeffrey ryan jacob gary nicholas eric jonathan larry justin scott brandon benjamin
samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron adam nathan henry
douglas zachary peter kyle ethan walter noah jeremy christian keith roger gerald harold sean
austin carl arthur lawrence bryan billy joe bruce gabriel albert alan wayne elijah randy roy
vincent ralph eugene russell bobby mason philip phillip louis harry howard fred martin craig
stanley shawn travis jeffery barry bradley clarence earl ernest alfred leonard glenn glen neil
tony nick luke liam oliver owen connor callum jake joel toby oscar max archie alfie freddie hugh
ian graham nigel trevor derek colin malcolm stuart stewart kieran ross duncan angus fraser
hamish alastair alasdair alistair euan ewan iain lachlan murray calum gordon kenny lewis
archibald dougal fergus gregor bill bob tom tommy dave mike ben jim jimmy jon jonny johnny steve
rob bert bertie ted teddy ed eddie ned freddy ron don ken phil pete matt andy danny dan tim
timmy greg jeff geoff chuck hank rick richie doug walt wally stu stan ray len lenny alf josh
zach zack nate gus vince vinnie mick mitch benny seb barney reggie chad brad brett todd troy
lance clint dwight duane dwayne marvin melvin vernon virgil wesley clifford curtis darren
darrell dean derrick dustin edgar franklin fredrick frederick gilbert herbert horace irving
isaac ivan jared jarrod jerome julius kurt leon leroy lloyd luther marcus maurice milton
mitchell morris nathaniel neville norman percy quentin randall reginald rex rodney roland rufus
seth sheldon sherman silas solomon spencer sylvester terrence terence theodore tobias trent
tristan vaughn wade wallace warren wilbur wilfred willard winston xavier abraham adrian alec
alvin ambrose amos andre arnold barnaby bartholomew basil benedict bernard boris brendan brent
brock bruno bryce byron caleb calvin carlton cecil cedric chester clayton clement clive clyde
colton conrad cornelius cyril cyrus damian damon darius declan desmond dexter dominic dominick
donovan dorian edmund edwin elmer emmett enoch ephraim ezra felix floyd forrest gavin geoffrey
gideon giles godfrey graeme harvey hector horatio hubert humphrey isaiah jasper jeremiah jethro
jonah josiah jude kendrick kirk leopold levi lincoln lionel lucas magnus marlon maximilian miles
myles mortimer moses nathanael nelson noel norbert octavius otis otto percival randolph raphael
reuben rocco roderick rolf rupert sebastian seymour simeon stefan thaddeus tristram ulysses
wilbert willis zachariah aiden aidan brayden grayson jackson jaxon landon mateo mathew matthias
nolan preston wyatt brody cole weston everett beau rhys theo grant clarke cody dominik garrett
gerard harrison jefferson kelvin kristopher lyndon nicolas norris oswald roscoe royce russ rusty
stephan tobin tyrone tyrese darnell deshawn jamal jermaine lamar marquis terrell demetrius neal
shaun shane wilson cuthbert algernon bertram digby eustace ferdinand hamilton hugo ignatius
jonas lambert lorne lucian marmaduke montague osbert peregrine quintin septimus tarquin
willoughby

padraig pádraig cian oisin oisín seamus séamus seán eoin ciaran ciarán conor cormac darragh
donal dónal eamon eamonn éamon fionn niall ronan tadhg diarmuid colm cathal feargal fergal
killian cillian padraic peadar ruairi dermot enda fiachra odhran senan donnacha donncha ultan
caoimhín daithí dáithí lorcan lorcán micheál mícheál tomás dafydd gareth owain gruffudd huw
ieuan iwan llewellyn llywelyn emyr geraint gwyn meurig rhodri aled alun deiniol emlyn gethin
glyn hywel idris ifan ioan islwyn macsen osian peredur steffan tomos trystan wyn rhydian gwilym
cadfael caoimhin daithi micheal

wolfgang klaus jürgen juergen günter guenter gunter dieter hans uwe bernd werner manfred horst
helmut gerhard heinz ralf karl jörg joerg joachim markus florian lukas moritz niklas nils
philipp fabian julian sven torsten thorsten holger dirk jens lars heiko mirko björn carsten
karsten olaf rainer reinhard rüdiger ruediger siegfried volker wilhelm willi willy friedrich
fritz ernst erich gustav hermann heinrich konrad ludwig reinhold rudolf ulrich ulf gerd gert
detlef detlev armin axel burkhard christoph eckhard egon georg gottfried günther guenther
hartmut hans-peter hans-jürgen hans-joachim hans-dieter karl-heinz helge henning ingo jochen
kaspar kilian knut lothar lutz malte mathias otmar ottmar raimund steffen till timo torben veit
wolf wolfram achim anton benedikt bernhard claus eberhard emil erwin eugen ewald franz gerold
gunnar hannes harald heiner helmuth ingolf johann johannes josef jakob konstantin mats oskar
pascal rico sönke wilfried xaver jörn hans-georg hans-werner klaus-dieter heinz-jürgen
karl-friedrich bastian benno berthold dietmar dietrich ekkehard engelbert frieder gebhard gernot
gottlieb hagen hasso hinrich hubertus ignaz joscha kuno leberecht manfried meinhard nepomuk
ortwin rupprecht sigmund tassilo theobald volkmar waldemar wendelin wieland winfried wolfhard
jorg bjorn rudiger gunther hans-jurgen sonke heinz-jurgen

pieter piet hendrik henk cornelis kees willem wim gerrit jacobus jaap klaas bas bram daan sem
thijs jeroen joost maarten martijn niels ruud sander stijn wouter arjen arie bart coen erik
freek gijs jelle joris koen luuk marco menno michiel pim remco rik roel rutger sjoerd teun
tijmen twan wessel wietse wilco evert floris geert gert-jan hein hidde jurjen kasper marnix onno
reinier rinus siebe sietse dries wannes jorrit lieven pieter-jan jan-willem wout joop huub
jurgen sjaak johan frans hennie lodewijk maurits rijk ferdi wybren douwe

anders per bengt lennart leif mikael ole åke göran henrik kjell kristian mattias morten rasmus
søren soren torbjørn trond tor arne einar eirik espen frode geir halvard halvor håkon hakon
ingvar jørgen jorgen jostein kåre øyvind oyvind rune sigurd stein steinar svein terje thor tore
torstein trygve vidar øystein oystein asbjørn audun erlend finn fredrik gaute håvard havard ivar
jarle kjetil lasse mads mikkel jesper flemming jørn jorn preben poul palle steen aksel filip
isak joakim linus ludvig viktor vilhelm birger dag folke gösta hjalmar ingemar kent klas pelle
sture sune valdemar bjørn ragnar sindre sverre tormod torgeir eskil ingmar jens-erik stig
torbjorn asbjorn gosta

jón sigurður ólafur guðmundur kristján magnús stefán jóhann árni helgi þór bjarni haraldur
hallgrímur egill snorri davíð pétur sveinn þorsteinn eiður gudmundur sigurdur olafur kristjan
thorsteinn arni hallgrimur petur eidur

juha jukka mikko matti antti jari pekka markku heikki jussi ville jarmo juho kalle lauri marko
olli petri petteri sami seppo tapani tapio teemu tommi tuomas vesa veli eero esa hannu ilkka
jaakko jorma kimmo martti mauri onni pasi pentti raimo reijo risto sakari tero valtteri väinö
veikko aleksi eetu eino iiro joonas juhani kaarlo oskari paavo santeri tuukka urho aatu arttu
jouni leevi oiva harri erkki arto jani ilmari kauko keijo lassi osmo pertti reino sulo taisto
toivo unto vaino

toomas jaan tõnu andres margus priit rein siim tarmo tiit urmas indrek jüri kalev madis meelis
ott peeter raivo taavi aivar jānis andris mārtiņš kārlis karlis edgars aivars juris valdis
raimonds ivars uldis guntis kristaps roberts artūrs arturs gatis vytautas mindaugas giedrius
andrius rimantas saulius tadas paulius dovydas gediminas algirdas arūnas arunas kęstutis nerijus
rokas laurynas mantas žydrūnas tonu kestutis zydrunas

jean-pierre jean-claude jean-paul jean-luc jean-marc jean-michel jean-françois jean-jacques
jean-louis jean-marie jean-philippe jean-christophe jean-baptiste jean-yves jean-charles
jean-guy jean-noël jean-sébastien pierre michel andré philippe alain jacques christophe françois
francois laurent éric stéphane stephane olivier julien sébastien sebastien frédéric frederic
thierry guillaume jérôme mathieu matthieu sylvain yves gérard marcel georges henri didier franck
gilles hervé herve joël ludovic loïc loic théo clément baptiste romain arnaud aurélien aurelien
benoît benoit bertrand cédric damien denis emmanuel fabien fabrice florent gaël gaëtan gaetan
grégoire grégory jérémy kévin mickaël mickael raphaël rémi rémy renaud thibault thibaut yann
yannick yoann adrien cyrille édouard edouard étienne etienne fernand gaston gautier gauthier léo
leo léon lucien marius mathis octave régis regis sylvestre théophile timothée tanguy ulysse yvon
kylian corentin maël mattéo timéo rodolphe serge thibaud ghislain aymeric bastien brice éloi
eloi firmin gaspard hippolyte marcellin mathurin pierre-yves pierre-alexandre marc-antoine
marc-andré louis-philippe enzo hugues honoré josselin gwendal erwan yannig goulven tugdual
maxence anatole augustin auguste barthélemy célestin désiré edmond émile eugène félix florentin
germain gustave isidore léandre léonard noël noé philibert prosper séraphin sosthène théodore
valentin virgile jean-francois jean-noel jean-sebastien gregoire theophile timothee mael timeo
marc-andre honore barthelemy celestin emile leandre noe seraphin sosthene

giuseppe giovanni antonio mario luigi francesco angelo vincenzo pietro salvatore carlo franco
domenico paolo giorgio aldo sergio giuliano alessandro lorenzo matteo leonardo riccardo davide
tommaso federico edoardo giacomo filippo stefano roberto massimo fabio maurizio claudio enrico
emanuele alberto alessio diego fabrizio gianluca gianni giulio lucio manuel mattia mauro nicolò
niccolò nicolo niccolo pasquale raffaele renato umberto valerio vittorio achille alfredo amedeo
arturo beniamino camillo cesare cristiano dario dino elio emilio ennio ettore fausto ferdinando
gaetano gennaro giancarlo gianfranco gianmarco gianpaolo gino guido ignazio jacopo lamberto
leone livio luciano marcello mariano massimiliano nunzio orazio ottavio piero pierluigi rinaldo
rodolfo romano ruggero samuele saverio sebastiano silvio tiziano ugo valentino vito ciro corrado
cosimo fulvio giordano ludovico nazareno osvaldo patrizio remo sandro tullio gianluigi pierpaolo
giampaolo gianpiero giampiero carmine antonino calogero biagio gioacchino girolamo raimondo
ubaldo

josé jose francisco juan javier carlos jesús alejandro miguel rafael pedro pablo ángel fernando
luis jorge álvaro alvaro adrián raúl raul enrique ramón ramon vicente ignacio andrés iván
joaquín joaquin santiago gonzalo guillermo jaime julián martín nicolás salvador agustín agustin
alfonso armando benjamín césar cesar cristóbal cristobal esteban ernesto felipe gerardo gustavo
héctor hernán hernan horacio ismael jacinto jerónimo leandro marcelo mauricio moisés nestor
néstor octavio orlando patricio ricardo rodrigo rogelio sebastián teodoro ulises valentín víctor
aitor iñaki inaki iker unai asier gorka xabier jordi josep pere xavi oriol marc arnau guillem
lluís lluis quim sergi bernat francesc jaume ferran eloy fidel humberto isidro josué leopoldo
lisandro maximiliano pascual rolando saúl tadeo wilfredo yago nacho paco pepe manolo fabián
emiliano thiago benicio bautista santino facundo matías matias lautaro gael alonso dante
rigoberto efraín jairo elías rubén ruben óscar adolfo anselmo baltasar bartolomé casimiro
celestino cipriano clemente domingo eusebio evaristo faustino florencio fructuoso genaro
gregorio hilario jenaro juanjo lázaro leoncio marcial melchor nazario olegario pancracio rafa
ruperto sancho severiano teófilo toribio urbano venancio zacarías iñigo koldo mikel joseba xabi
txema ander aritz ibai julen gaizka peio eneko ekaitz urko jesus jeronimo moises victor josue
saul efrain elias bartolome lazaro teofilo zacarias inigo

joão joao antónio antônio paulo luiz luís rui nuno tiago marcos guilherme mateus matheus
vinícius vinicius diogo duarte gonçalo goncalo henrique joaquim sérgio vítor vitor filipe
eduardo alexandre fábio márcio marcio rogério rogerio sebastião sebastiao valter wagner
wellington cláudio edson fabrício fabricio juliano otávio otavio reinaldo túlio tulio caio davi
heitor bernardo benício raimundo severino geraldo rômulo romulo gilberto adriano everton maicon
anderson leonel wanderley cleiton cleber gervásio jacó josias moacir nivaldo ronaldo rivaldo
sidnei tarcísio vanderlei ubirajara zé gervasio tarcisio

piotr krzysztof andrzej tomasz paweł pawel michał marcin jakub łukasz lukasz mateusz grzegorz
marek wojciech rafał rafal dariusz mariusz kamil maciej jacek zbigniew stanisław stanislaw
tadeusz jerzy józef jozef kazimierz ryszard sławomir slawomir przemysław przemyslaw szymon artur
bartosz bartłomiej bartlomiej dawid jarosław jaroslaw karol leszek mirosław miroslaw patryk
radosław radoslaw tomek wiesław wieslaw witold zdzisław zdzislaw bogdan bogusław boguslaw
czesław czeslaw eugeniusz franciszek henryk ireneusz janusz jarek krystian lech olgierd
remigiusz tymoteusz władysław wladyslaw zygmunt antoni aleksander wiktor maksymilian ignacy
kacper wojtek jiří jiri petr pavel tomáš tomas jaroslav miroslav zdeněk zdenek václav vaclav
karel milan lukáš ondřej ondrej vojtěch vojtech libor radek aleš antonín antonin bohumil dalibor
františek frantisek jindřich jindrich ladislav luboš lubos matěj matej miloš milos oldřich
oldrich přemysl radim štěpán vlastimil zbyněk zbynek dušan dusan juraj branislav ľubomír lubomir
marián rastislav stanislav ales premysl

lászló laszlo istván istvan józsef jozsef jános janos zoltán zoltan sándor sandor gábor gabor
ferenc attila péter tamás tamas zsolt tibor andrás andras imre csaba györgy gyorgy mihály mihaly
balázs balazs gergely ádám dániel krisztián krisztian levente bence máté dávid márton marton
miklós miklos béla bela géza geza lajos károly karoly endre ernő erno gyula kálmán kalman róbert
szabolcs tivadar botond barnabás barnabas bálint balint csongor dénes denes dezső dezso elemér
gusztáv jenő jeno kristóf kristof lőrinc lorinc nándor nandor ottó richárd vilmos zsigmond árpád
arpad kornél kornel lehel zalán zalan ákos akos bertalan gellért győző kázmér ödön pál elemer
gusztav gellert gyozo kazmer odon

ion gheorghe vasile constantin nicolae mihai alexandru florin cristian ionuț ionut dragoș dragos
ovidiu radu sorin ștefan tudor vlad cătălin catalin claudiu costel dorin dumitru iulian
laurențiu laurentiu liviu mircea nelu petru răzvan razvan silviu traian viorel aurel cornel doru
grigore iosif matei octavian remus romeo sergiu teodor tiberiu titus valeriu

aleksandr alexandr alexey aleksey aleksei alexei andrei andrey artem artyom dmitry dmitri
dmitriy evgeny yevgeny evgeniy fyodor fedor gennady georgy grigory igor ilya kirill leonid
maksim maxim mikhail nikolai nikolay oleg pyotr ruslan sergei sergey stepan timur vadim vasily
vitaly vladimir vladislav vyacheslav yaroslav yury yuriy arkady anatoly gleb lev matvey semyon
timofey vsevolod zakhar rostislav svyatoslav taras oleksandr oleksiy andriy mykola mykhailo
volodymyr vasyl petro serhiy dmytro ihor oleh vitaliy yevhen bohdan ostap danylo maksym kostya
kolya petya pasha grisha lyosha alyosha fedya vitya stas arseny arseniy daniil egor yegor eduard
gennadiy innokenty nazar platon savva trofim yakov ignat efim yefim rodion vova volodya afanasy
anatoliy valeriy valeri vladlen yevgeniy gavriil kuzma luka makar nikifor prokhor vasiliy

aleksandar dragan zoran goran dejan nenad srdjan srđan nemanja bojan darko branko predrag
slobodan zeljko željko tomislav hrvoje ante josip ivica mladen damir davor petar jovan vuk
stjepan krešimir zvonimir vedran domagoj danilo dimitar georgi hristo stoyan todor ivaylo plamen
kiril veselin momchil borislav svetoslav lyubomir milorad miodrag radovan ratko velimir vladan
zlatko žarko sinisa siniša dragoljub budimir ljubomir nebojša nebojsa boštjan matjaž primož uroš
žiga srdan kresimir zarko bostjan matjaz primoz uros ziga

giorgos georgios yannis giannis ioannis dimitris dimitrios nikos nikolaos konstantinos kostas
christos panagiotis vasilis vasileios athanasios thanasis michalis stavros spyros spiros petros
pavlos alexandros antonis apostolos evangelos vangelis stelios stylianos theodoros thodoris
manolis emmanouil charalambos babis sotiris ilias anastasios tasos leonidas aristotelis
achilleas sokratis thanos dionysis fotis grigoris lefteris eleftherios makis markos panos
prodromos savvas stathis stefanos takis haris kyriakos miltiadis nektarios orestis periklis
andreas

mehmet mustafa ahmet hüseyin huseyin hasan ibrahim ismail osman yusuf murat ömer ramazan halil
süleyman suleyman abdullah mahmut recep fatih emre burak kemal kenan cem onur serkan volkan
tolga tuncay uğur ugur erkan erdem ercan orhan selim serdar sinan tarık tarik tamer taner tayfun
yasin yavuz yunus emin enes eren furkan gökhan gokhan hakan harun kaan kerem levent metin mert
oğuz oguz okan ozan rıza sait şükrü tahir turgut utku yiğit yigit zeki alper alp arda batuhan
berk bülent bulent cengiz doğan dogan engin ersin ertan erol ferhat fikret gürkan ilker kadir
kazım kürşat mesut necati nihat oktay özkan ozkan rasim sabri sedat selçuk selcuk semih sercan
şahin tevfik zafer muhammet muhammed elvin elchin rashad tural orkhan ilkin vugar farid rauf
elnur ramil riza sukru gurkan kazim kursat sahin

mohammed muhammad mohamed mohammad mohamad ahmed ahmad mahmoud mahmud mostafa omar umar ali
hassan hussein husain hussain khaled khalid yousef yousif youssef abdallah abdul abdulrahman
abdelrahman abdelaziz abdulaziz abdelkader abdel hamza hamid hamed tariq tarek karim kareem
samir sameer walid waleed nabil faisal fahad fahd saad saeed salim saleh salah mansour nasser
nasir rashid rachid majid adel adil amir anwar bilal ziad ziyad fadi rami hani hisham osama
usama ayman emad imad essam issam wael yasser yasir zakaria zakariya ilyas anas othman uthman
suleiman sulaiman sulayman marwan jamil habib ghassan raed riad riyad mounir munir mourad murad
nabeel nader nadir naji nasr qasim kassem rafiq raouf sherif sharif talal tawfiq taha younes
younis zaid zayd zaki ammar amr ashraf ayoub ayyub badr bassam fouad fuad hatem haitham hazem
hussam jaber jawad kamal khalil mahdi mehdi maher mazen moataz mohsen muhsin mohannad nizar
obaid ramzi sadiq saif sayed soufiane sufyan wassim waseem yahya zuhair reda abdelhak abdelilah
abdessamad hicham mokhtar noureddine nourdine redouane driss brahim mustapha lahcen larbi youcef
abdelmajid abdellah hamdi hamada yehia yehya

reza hossein morteza javad jafar kaveh kourosh dariush babak behnam behrouz bijan farhad farshad
fereydoun hooman houman kamran kian mehran mehrdad milad navid omid payam pedram peyman pouya
ramin shahram siavash soroush vahid arash ardalan arman aryan ashkan behzad ehsan hesam iraj
kamyar keyvan masoud mehrshad parsa parviz rostam shayan soheil sohrab afshin sepehr shervin
roozbeh pejman kasra bardia shahab mojtaba alireza amirhossein mohammadreza gholam hamidreza
abbas asghar akbar yaser sadegh nursultan yerlan erlan askar daulet aibek rustam bakhtiyor jasur
sherzod farrukh ulugbek otabek dilshod sanjar bobur jahongir sardor shavkat giorgi davit levan
irakli nikoloz zurab lasha nodar revaz tamaz vakhtang mikheil aram armen arsen gor hayk tigran
vardan gevorg hovhannes ashot samvel narek sargis hrant vahe suren hakob

moshe yosef yossi avraham avi yitzhak itzhak yaakov yaacov shlomo uri oren itai itay yonatan
yoni ido idan guy asaf assaf avner barak boaz chaim haim dov ehud eitan etan efraim eyal gadi
gidon hillel ilan matan meir menachem mordechai moti nadav nahum naftali natan nir ofer omri
reuven ronen shaul shimon shmuel tzvi tsvi uzi yair yaron yehuda yehoshua yigal yoav yoel zeev
zvi amnon aryeh dudi eldad elad eliezer elazar erez golan hagai nimrod oded pinchas rafi roee
roi sagi tzachi yehiel yigael yishai yitzchak yechiel avishai

rahul rajesh sanjay vijay ajay anil sunil suresh ramesh mahesh dinesh ganesh rakesh mukesh
naresh umesh ravi raj rajiv sandeep sudeep pradeep deepak manoj vinod ashok arun varun karan
arjun rohit mohit sachin vikram vivek abhishek aditya akash ankit anand aniket anuj arvind
ashish ashwin bharat chetan dev dhruv gaurav gopal harish hemant jatin kapil kartik kishore
kunal lalit manish mayank mihir naveen nikhil nitin pankaj prakash pranav prashant praveen
pravin rajat rajendra rajkumar ramakrishna sagar sanjeev santosh satish saurabh shailesh shankar
shashank shekhar shyam siddharth siddhartha subhash sudhir sumit suraj tarun tushar uday vikas
vinay vishal vishnu yash yogesh abhinav aakash aarav vihaan vivaan ayaan reyansh ishaan krish
shaurya atharv advait rudra kabir murugan senthil karthik karthikeyan saravanan kumar venkatesh
balaji srinivas srinivasan subramanian ramanathan sundar sundaram ganapathy rajan selvam selvan
prabhu aravind vignesh vijayakumar sivakumar dinakaran gokul hari harikrishnan kannan madhavan
natarajan palani pandian raghavan rajagopal sathish senthilkumar shanmugam siva sridhar sriram
velu venkat venkata srinivasa raviteja chiranjeevi prasad sourav saurav arnab anirban debashish
debasish partha subhas tanmoy abhijit amitabh biswajit indranil joydeep kaushik pritam rajib
sanjib sudip tapas tanmay arijit ritwik sayan shubham subrata sujoy debabrata dipankar sanket
tejas omkar prathamesh mangesh nilesh shirish swapnil vaibhav ajinkya amol vinayak harbhajan
yuvraj ranbir sukhbir ranjit mohan rohan ramachandran raghunath jagannath narayan narayanan
gopinath vasudevan balakrishnan radhakrishnan unnikrishnan mahendra narendra devendra surendra
jitendra virendra dharmendra upendra yogendra rajeev sanjiv ranveer ranvir hrithik

imran asif kashif shahid zahid sajid wajid naveed usman zubair junaid nadeem naeem rizwan sohail
waqas waqar zeeshan adnan aamir ahsan atif azhar babar farhan irfan javed khurram mudassar
mubashir nauman noman raheel salman shahzad shoaib talha umair wasim zafar arsalan asad awais
faraz fawad hammad hasnain moin muneeb saqib sarfraz shehzad tanveer tanvir touqeer uzair wahab
shakib tamim mushfiqur mahmudul habibur mizanur ashraful rafiqul shafiqul aminul saiful nazrul
kamrul mahbub masud monir shahriar rakib rasel sakib sohel tareq jahid jahangir babul belal
delwar faruk faruque mamun mithun rony sajib shafiq rubel arif fahim nayeem sabbir shariful
mostafizur anisur ziaur ruhul shahidul

mohd azman razak hafiz faizal hakim azlan zulkifli rosli kamarul shahrul syafiq amirul haziq
khairul rahman nazri fauzi zainal roslan rizal afiq danial fahmi budi agus joko bambang hendra
eko dedi rudi yudi bayu fajar gilang teguh slamet sugeng heru irwan hadi rahmat taufik dimas
bagus setiawan wahyudi supriyadi susilo suharto hartono jomar jericho arnel rommel jayson
reynaldo efren rodel

qiang yong peng zhiqiang jianguo guoqiang haoran zihao junjie jianjun zhiwei weiming jianping
dongsheng haitao zhigang jianming guoliang jiahao haruto takumi kenji hiroshi takashi takeshi
yuto sota daiki kazuki kenta shota ryota yusuke daisuke kosuke keisuke shunsuke ryosuke taro
ichiro jiro saburo haruki kaito riku hayato yamato sho satoshi tsuyoshi yoshiro masato masahiro
masaki hideo hideki hiroki hiroyuki kazuo kazuya kazuhiro koji kenichi shinji tetsuya tomohiro
toshiro toshio yasushi yoshio yoshihiro yukio naoki naoya noboru osamu ryu ryuji seiji shigeru
shuichi susumu tadashi takahiro takuya tatsuya tomoya yuichi yuji yusei atsushi junichi kento
minoru isamu mamoru nobuo norio sadao tetsuo kenzo goro takeo yoshiaki akihiro akio fumio haruo
katsuya keita kohei ryohei shohei sosuke takeru tomoki yuta yudai yuma yuya kiyoshi hajime
masaru mitsuo shigeo tatsuo yasuo yoshinori ji-hoon jihoon min-jun minjun seo-jun seojun do-yun
doyun ha-jun hajun jun-seo junseo joon-ho joonho jun-ho junho dong-hyun donghyun hyun-woo
hyunwoo jae-hyun jaehyun sang-woo sangwoo young-ho youngho min-ho minho seung-hoon seunghoon
tae-hyun taehyun jung-ho jungho jin-woo jinwoo woo-jin woojin sung-ho sungho jae-ho jaeho
kyung-ho kyungho sang-min sangmin hyun-soo hyunsoo young-soo youngsoo chul-soo chulsoo dong-wook
dongwook seung-woo seungwoo kwang-soo kwangsoo byung-hun byunghun jae-sung jaesung seok-jin
seokjin nam-joon namjoon tuan tuấn hùng duc đức quang cuong cường khoa trung huy phong vinh
thắng toan toàn quoc quốc manh mạnh tung tùng nam

kwame kofi kwesi kwasi yaw kwaku kojo kwabena kobina kwadwo kodwo ekow fiifi kwamena kodjo komi
kossi yawo babatunde segun adebayo bayo dapo gbenga jide kayode kunle niyi olumide rotimi wale
akinwale adewale babajide dele deji oluwole olusegun oluwafemi oladele bolaji adeyemi ayodeji
olalekan olawale adekunle akinola chukwuemeka emeka chinedu obinna ikechukwu nnamdi ifeanyi
obiora okechukwu ugochukwu chukwudi tochukwu ebuka chinua chinweike abubakar aminu bello garba
musa sani sule umaru yakubu lawal danjuma haruna kabiru muhammadu nasiru shehu jibrin bashir
auwal salisu kamau njoroge mwangi kariuki kimani maina ngugi githinji waweru gitau muriithi
karanja kinyua otieno ochieng odhiambo omondi onyango owino okoth ouma oduor opiyo kipchoge
kiprop kiprono kipkemboi kibet kiptoo kipkoech kipruto kimutai juma jabari hamisi bakari mutua
musyoka mutiso sipho thabo bongani sibusiso mandla mthunzi sandile sizwe thulani vusi siyabonga
jabulani tshepo bheki dumisani mlungisi mxolisi nkosinathi sifiso thamsanqa xolani zweli
zwelakhe luvuyo mzwandile kabelo teboho abebe bekele tesfaye haile girma getachew alemayehu
mulugeta tadesse tewodros yohannes dawit kebede tilahun mesfin berhanu assefa abiy biniam eyob
henok kidus natnael tekle wondimu yonas zerihun fasil gebre gebremedhin hailu lemma negash
seyoum shimelis tefera moussa mamadou ousmane ibrahima cheikh amadou modou abdoulaye boubacar
seydou souleymane lamine alioune babacar aliou daouda mouhamed mouhamadou saliou ousseynou
serigne assane fallou khadim tawanda
"""
# names used for women and for men: first names all the same, with no hint of "she" or "he"
_EITHER_NAMES = """
alex sam pat chris jo jordan robin andrea jean kim sasha yuki nikita terry sandy jesse jamie
taylor morgan casey riley charlie frankie billie bobbie toni nicky ashley kelly leslie lesley
dale drew kai noa ari eden quinn rowan sky avery blake cameron devon emerson finley harley
hayden jude kendall logan marley parker reese remy river sage shay tatum
"""
FEMALE = frozenset(_FEMALE_NAMES.split()) | frozenset(("vicky", "jess"))
MALE = frozenset(_MALE_NAMES.split()) | frozenset(("paddy", "gerry", "dick"))
EITHER = frozenset(_EITHER_NAMES.split())
# More names whose gender is clear, used only as the hint for "she" / "he": not as a sign
# that a lone capitalised word is a person met ("Maya is doing great in reading" is a
# child talked about), which would cost more than it gains.
_MORE_FEMALE_NAMES = """
farah lakshmi maya bronwyn inês kasia aroha amélie freya geneviève karen sharon annelie
tereza isabela margarethe fatoumata carol stacy mercy rashida hyacinth rasheedat mirte
linnéa fern meredith regula farida kafayat pam bronagh tasha beatrix rahima aileen bev aimee
luzviminda fenella willemijn síle annamma prishani aïcha giada gunnhild katka imke
"""
_MORE_MALE_NAMES = """
simon tunde chidi femi luca antoine luc dimitri bartek abdi reto urs abdullahi akira hamad
julio wendell keanu olufemi andile pär petter roelof malik chukwuma sékou eliud samer zlatan
emir ravindra olof camilo mihkel baraka ueli aurelio domingos jannik dougie reg trev jonno
davo gaz dylan nico sid noam ivo
"""
_FEMALE_HINTS = FEMALE | frozenset(_MORE_FEMALE_NAMES.split())
_MALE_HINTS = MALE | frozenset(_MORE_MALE_NAMES.split())


def hinted_gender(name: str) -> str | None:
    """ "f" or "m" when the first word of ``name`` is in one of the lists, else None."""
    first = _first_word(name)
    if first not in _FEMALE_HINTS and first not in _MALE_HINTS and "-" in first:
        first = first.split("-")[0]  # "Marie-Ève", "Klaus-Peter": the first part tells
    if first in _FEMALE_HINTS:
        return "f"
    if first in _MALE_HINTS:
        return "m"
    return None


def is_first_name(name: str) -> bool:
    """Whether the first word of ``name`` is a first name the table knows, of either kind
    ("Jari", "Paddy", "Sam"): a hint that a lone capitalised word is a person, not a shop."""
    first = _first_word(name)
    return first in FEMALE or first in MALE or first in EITHER


def _first_word(name: str) -> str:
    """The first word of ``name``, case-folded ("" for a blank name)."""
    return name.split()[0].casefold() if name.strip() else ""
