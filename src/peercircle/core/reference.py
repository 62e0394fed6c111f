"""Reference data every installation starts with: regions and help areas, in three languages."""

REGIONS = [
    # code, country, English, Russian, Polish
    ("ru-mow", "RU", "Moscow", "Москва", "Moskwa"),
    ("ru-mos", "RU", "Moscow Oblast", "Московская область", "Obwód moskiewski"),
    ("ru-spe", "RU", "Saint Petersburg", "Санкт-Петербург", "Petersburg"),
    ("ru-sam", "RU", "Samara Oblast", "Самарская область", "Obwód samarski"),
    ("ru-ud", "RU", "Udmurt Republic", "Удмуртская Республика", "Udmurcja"),
    ("ru-irk", "RU", "Irkutsk Oblast", "Иркутская область", "Obwód irkucki"),
    ("ru-ta", "RU", "Republic of Tatarstan", "Республика Татарстан", "Tatarstan"),
    ("ru-ba", "RU", "Republic of Bashkortostan", "Республика Башкортостан", "Baszkortostan"),
    ("ru-sve", "RU", "Sverdlovsk Oblast", "Свердловская область", "Obwód swierdłowski"),
    ("ru-nvs", "RU", "Novosibirsk Oblast", "Новосибирская область", "Obwód nowosybirski"),
    ("ru-kda", "RU", "Krasnodar Krai", "Краснодарский край", "Kraj Krasnodarski"),
    ("ru-niz", "RU", "Nizhny Novgorod Oblast", "Нижегородская область", "Obwód niżnonowogrodzki"),
    ("ru-per", "RU", "Perm Krai", "Пермский край", "Kraj Permski"),
    ("ru-che", "RU", "Chelyabinsk Oblast", "Челябинская область", "Obwód czelabiński"),
    ("ru-ros", "RU", "Rostov Oblast", "Ростовская область", "Obwód rostowski"),
    ("ru-vgg", "RU", "Volgograd Oblast", "Волгоградская область", "Obwód wołgogradzki"),
    ("ru-kgd", "RU", "Kaliningrad Oblast", "Калининградская область", "Obwód królewiecki"),
    ("ru-yar", "RU", "Yaroslavl Oblast", "Ярославская область", "Obwód jarosławski"),
    ("ru-tom", "RU", "Tomsk Oblast", "Томская область", "Obwód tomski"),
    ("ru-kya", "RU", "Krasnoyarsk Krai", "Красноярский край", "Kraj Krasnojarski"),
    ("pl-02", "PL", "Lower Silesian Voivodeship", "Нижнесилезское воеводство", "Województwo dolnośląskie"),
    ("pl-04", "PL", "Kuyavian-Pomeranian Voivodeship", "Куявско-Поморское воеводство", "Województwo kujawsko-pomorskie"),
    ("pl-06", "PL", "Lublin Voivodeship", "Люблинское воеводство", "Województwo lubelskie"),
    ("pl-08", "PL", "Lubusz Voivodeship", "Любушское воеводство", "Województwo lubuskie"),
    ("pl-10", "PL", "Łódź Voivodeship", "Лодзинское воеводство", "Województwo łódzkie"),
    ("pl-12", "PL", "Lesser Poland Voivodeship", "Малопольское воеводство", "Województwo małopolskie"),
    ("pl-14", "PL", "Masovian Voivodeship", "Мазовецкое воеводство", "Województwo mazowieckie"),
    ("pl-16", "PL", "Opole Voivodeship", "Опольское воеводство", "Województwo opolskie"),
    ("pl-18", "PL", "Subcarpathian Voivodeship", "Подкарпатское воеводство", "Województwo podkarpackie"),
    ("pl-20", "PL", "Podlaskie Voivodeship", "Подляское воеводство", "Województwo podlaskie"),
    ("pl-22", "PL", "Pomeranian Voivodeship", "Поморское воеводство", "Województwo pomorskie"),
    ("pl-24", "PL", "Silesian Voivodeship", "Силезское воеводство", "Województwo śląskie"),
    ("pl-26", "PL", "Holy Cross Voivodeship", "Свентокшиское воеводство", "Województwo świętokrzyskie"),
    ("pl-28", "PL", "Warmian-Masurian Voivodeship", "Варминско-Мазурское воеводство", "Województwo warmińsko-mazurskie"),
    ("pl-30", "PL", "Greater Poland Voivodeship", "Великопольское воеводство", "Województwo wielkopolskie"),
    ("pl-32", "PL", "West Pomeranian Voivodeship", "Западно-Поморское воеводство", "Województwo zachodniopomorskie"),
]

HELP_AREAS = [
    # code, English, Russian, Polish
    ("oncology", "Oncology", "Онкология", "Onkologia"),
    ("hiv", "HIV", "ВИЧ", "HIV"),
    ("hepatitis", "Hepatitis", "Гепатиты", "Zapalenie wątroby"),
    ("rheumatology", "Rheumatology", "Ревматология", "Reumatologia"),
    ("mental-health", "Mental health", "Психическое здоровье", "Zdrowie psychiczne"),
    ("addiction", "Addiction", "Зависимость", "Uzależnienia"),
    ("disabled-child", "Parents of a disabled child", "Родители детей с инвалидностью", "Rodzice dzieci z niepełnosprawnością"),
    ("single-parent", "Single parents", "Одинокие родители", "Samotni rodzice"),
    ("perinatal-loss", "Perinatal loss", "Перинатальная потеря", "Strata okołoporodowa"),
    ("bereavement", "Loss of a family member", "Утрата члена семьи", "Strata bliskiej osoby"),
    ("foster-family", "Foster and guardian families", "Замещающие семьи", "Rodziny zastępcze"),
    ("family-crisis", "Family in a difficult life situation", "Семья в трудной жизненной ситуации", "Rodzina w trudnej sytuacji życiowej"),
    ("unemployment", "Unemployment", "Безработица", "Bezrobocie"),
    ("social-isolation", "Loneliness and social isolation", "Одиночество и социальная изоляция", "Samotność i wykluczenie społeczne"),
    ("chronic-illness", "Chronic illness", "Хронические заболевания", "Choroby przewlekłe"),
]


def load(apps) -> None:
    """Create or refresh the reference rows (used by a data migration and by tests)."""
    region_model = apps.get_model("core", "Region")
    help_area_model = apps.get_model("core", "HelpArea")
    for code, country, en, ru, pl in REGIONS:
        region_model.objects.update_or_create(
            code=code, defaults={"country": country, "name_en": en, "name_ru": ru, "name_pl": pl}
        )
    for code, en, ru, pl in HELP_AREAS:
        help_area_model.objects.update_or_create(
            code=code, defaults={"name_en": en, "name_ru": ru, "name_pl": pl}
        )
