"""Word lists for the synthetic parse corpus.

Ukrainian words come from the Leopolis article fixture plus a hand-written list of common news
words (so the corpus is not 200 copies of one article's vocabulary); Latin words are the usual
lorem-ipsum stock. Every Ukrainian word must be encodable in windows-1251, because 37 feeds use it.
"""

import re
from pathlib import Path

# shared/ sits beside the repository (CI lays a copy there); /work/shared is the usual place.
ARTICLE_CANDIDATES = [
    Path(__file__).resolve().parents[2] / "shared/fixtures/leopolis-article.txt",
    Path("/work/shared/fixtures/leopolis-article.txt"),
]

UKRAINIAN_EXTRA = """
новини місто область уряд рада депутати закон проєкт бюджет гривня гривень мільйонів мільярдів
відсотків тисяч кількість людей громада громади мешканців мешканці вулиця вулиці район району
лікарня лікарні школа школи університет студенти вчителі учні діти дітей родини родина сім’я
пам’ять ім’я п’ять дев’ять м’ясо з’їзд об’єкт об’єкти під’їзд комп’ютер зв’язок бур’ян
енергетика електроенергії світло відключення графік графіки тепло опалення вода водопостачання
дорога дороги ремонт ремонту будівництво будинок будинки квартира квартири житло житла
транспорт автобус автобуси трамвай трамваї потяг потяги вокзал аеропорт кордон кордону
погода дощ сніг мороз спека вітер прогноз синоптики температура градусів тиждень тижня
понеділок вівторок середа четвер пʼятниця субота неділя ранок вечір ніч день дня року рік
січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня
президент прем’єр міністерство міністра голова голови мер міський обласна адміністрація
поліція поліцейські правоохоронці суд суду прокуратура слідство розслідування справа справи
війна армія військові бригада батальйон командир ворог окупанти обстріл обстрілу ракета
ракети дрони дронів ППО укриття тривога тривоги евакуація волонтери волонтерів допомога
культура театр музей виставка концерт фестиваль фільм книга книги письменник художник
спорт футбол матч команда чемпіонат перемога поразка рахунок тренер гравці збірна
економіка бізнес підприємство підприємства ціни ціна зарплата пенсії податки банк кредит
інфляція експорт імпорт зерно врожай фермери аграрії ринок ринку компанія компанії
медицина лікарі пацієнти вакцина здоров’я операція хірурги медики аптека ліки
освіта навчання екзамен вступ вступники стипендія дослідження наука вчені відкриття
технології інтернет мережа мобільний застосунок кібератака хакери дані платформа сервіс
повідомили повідомляє зазначили заявив заявила розповіла розповіли наголосив наголосила
відбулася відбувся відбудуться триває тривають розпочали завершили планують вирішили
отримали отримає передали передано виділили виділено встановили встановлено відкрили
закрили продовжують збільшили зменшили зросла зросли знизилася очікують готують
новий нова нове нові великий велика велике великі важливий важлива важливі перший перша
другий друга третій останній останні місцевий місцева місцеві державний державна
український українська українські львівський львівська київський київська харківський
сьогодні вчора завтра зараз вже ще лише тільки також навіть майже близько понад більше
менше дуже швидко повністю частково офіційно раніше пізніше згодом тепер нині досі
Львів Київ Харків Одеса Дніпро Запоріжжя Вінниця Полтава Чернігів Житомир Тернопіль Рівне
Луцьк Ужгород Франківськ Чернівці Хмельницький Черкаси Суми Миколаїв Херсон Кропивницький
Європа Польща Німеччина Франція Британія Америка Канада Литва Латвія Естонія Румунія
Шевченко Франко Леся Українка Грушевський Бандера Стус Сковорода Коцюбинський Вернадський
"""

# Function words are drawn far more often than content words, as in real prose.
UKRAINIAN_FUNCTION = "в у на та і й з із до за про від для як що це щоб але або чи не ж би вже".split()

LATIN = """
lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut
labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris
nisi aliquip ex ea commodo consequat duis aute irure in reprehenderit voluptate velit esse
cillum fugiat nulla pariatur excepteur sint occaecat cupidatat non proident sunt culpa qui
officia deserunt mollit anim id est laborum curabitur pretium tincidunt lacus nulla gravida
orci a odio nullam varius turpis et commodo pharetra est eros bibendum elit nec luctus magna
felis sollicitudin mauris integer dapibus massa vitae morbi mattis pellentesque habitant
senectus netus malesuada fames ac turpis egestas vestibulum tortor quam feugiat vitae
ultricies eget tempor sit amet ante donec eu libero sit amet quam egestas semper aenean
ultricies mi vitae est mauris placerat eleifend leo quisque sit amet est et sapien
ullamcorper pharetra vestibulum erat wisi condimentum sed commodo vitae ornare sit amet wisi
aenean fermentum elit eget tincidunt condimentum eros ipsum rutrum orci sagittis tempus lacus
enim ac dui donec non enim in turpis pulvinar facilisis ut felis praesent dapibus neque id
cursus faucibus tortor neque egestas augue eu vulputate magna eros eu erat aliquam erat
volutpat nam dui mi tincidunt quis accumsan porttitor facilisis luctus metus phasellus
""".split()

LATIN_FUNCTION = "et in ad ut sed non cum per est ac a de ex sine".split()

LATIN_NAMES = """Caesar Cicero Seneca Tacitus Livius Vergilius Horatius Ovidius Plinius Cato
Brutus Marcus Gaius Lucius Publius Quintus Tiberius Aurelius Roma Gallia Hispania Britannia
Graecia Aegyptus Carthago Athenae Patriot Starlink Google Apple Mozilla Linux""".split()

UKRAINIAN_AUTHORS = [
    "Олена Коваленко", "Андрій Шевчук", "Ірина Бойко", "Тарас Мельник", "Наталія Ткаченко",
    "Юрій Кравчук", "Оксана Савчук", "Богдан Гнатюк", "Марія Лисенко", "Ігор Поліщук",
    "Софія Іваненко", "Дмитро Руденко", "Христина Зінченко", "Василь Мороз", "Ганна Ґудзь",
    "Євген Кузьменко", "Їжакевич Остап", "Людмила Павленко", "В’ячеслав Кушнір", "Редакція",
]

LATIN_AUTHORS = [
    "Marcus Tullius", "Julia Domna", "Gaius Plinius", "Livia Drusilla", "Quintus Fabius",
    "Claudia Octavia", "Publius Ovidius", "Aemilia Tertia", "Newsroom", "Desk Editor",
]

UKRAINIAN_CATEGORIES = [
    "Новини", "Політика", "Економіка", "Суспільство", "Культура", "Спорт", "Війна", "Львів",
    "Київ", "Світ", "Здоров’я", "Освіта", "Технології", "Погода", "Кримінал", "Інтерв’ю",
]

LATIN_CATEGORIES = [
    "News", "Politics", "Economy", "Society", "Culture", "Sport", "World", "Science",
    "Health", "Education", "Technology", "Weather", "Opinion", "Interview",
]


def ukrainian_words():
    """The article's words plus the extra list, deduplicated in first-seen order."""
    article = next((p for p in ARTICLE_CANDIDATES if p.exists()), None)
    if article is None:
        raise SystemExit("gen_corpus: leopolis-article.txt not found in shared/fixtures")
    text = article.read_text(encoding="utf-8")
    words = re.findall(r"[^\W\d_]+(?:[’'][^\W\d_]+)?", text)
    words += UKRAINIAN_EXTRA.split()
    seen, result = set(), []
    for word in words:
        word = word.replace("'", "’").replace("ʼ", "’")
        if word in seen:
            continue
        if not any("\u0400" <= c <= "\u04ff" for c in word):
            continue  # Latin tokens from URLs in the article
        try:
            word.encode("cp1251")
        except UnicodeEncodeError:
            continue
        seen.add(word)
        result.append(word)
    return result
