// The emoji both pickers offer: native characters only, Emoji 13.0 or older so they render on most systems, base
// forms only (no skin tones). One string per category, a line per emoji as `char|name|keywords`, keywords separated
// by spaces; plain strings gzip far better than an array of objects, and catalog.ts parses them on first use.
// Within a category, the more common emoji come first: search breaks ties by this order.

/** [id, label, lines]. */
export type EmojiCategoryData = readonly [id: string, label: string, lines: string];

const smileys = `
😀|grinning face|smile happy joy
😃|grinning face with big eyes|smile happy joy
😄|grinning face with smiling eyes|smile happy joy laugh
😁|beaming face|grin smile happy teeth
😆|laughing face|laugh lol haha happy
😅|grinning face with sweat|phew relief nervous
🤣|rolling on the floor laughing|rofl lol laugh haha
😂|face with tears of joy|lol laugh haha cry
🙂|slightly smiling face|smile ok
🙃|upside-down face|silly sarcasm
😉|winking face|wink flirt
😊|smiling face with smiling eyes|smile blush happy
😇|smiling face with halo|angel innocent
🥰|smiling face with hearts|love adore crush
😍|smiling face with heart-eyes|love crush
🤩|star-struck|wow amazing
😘|face blowing a kiss|kiss love
☺️|smiling face|smile happy
🥲|smiling face with tear|grateful touched
😋|face savoring food|yum tasty delicious
😜|winking face with tongue|joke crazy playful
🤗|hugging face|hug thanks
🤭|face with hand over mouth|oops giggle
🤫|shushing face|quiet secret shh
🤔|thinking face|think hmm wonder
🤨|face with raised eyebrow|doubt suspicious skeptical
😐|neutral face|meh blank
😶|face without mouth|speechless silent
😏|smirking face|smirk smug
😒|unamused face|meh annoyed
🙄|face with rolling eyes|eyeroll whatever
😬|grimacing face|awkward eek
😌|relieved face|relief calm
😔|pensive face|sad thoughtful
😴|sleeping face|sleep tired zzz
😷|face with medical mask|sick ill mask
🤮|face vomiting|sick vomit gross
🥵|hot face|hot heat sweat
🤯|exploding head|mindblown shocked
🤠|cowboy hat face|cowboy yeehaw
🥳|partying face|party celebrate birthday
😎|smiling face with sunglasses|cool
🤓|nerd face|nerd geek
😕|confused face|confused unsure
😟|worried face|worried concern
🙁|slightly frowning face|sad frown
☹️|frowning face|sad frown
😮|face with open mouth|wow surprised
😲|astonished face|shocked amazed wow
😳|flushed face|embarrassed blush
🥺|pleading face|please puppy begging
😨|fearful face|scared fear
😢|crying face|sad cry tear
😭|loudly crying face|sob cry sad
😱|face screaming in fear|scream scared omg
😞|disappointed face|sad disappointed
😩|weary face|tired weary
🥱|yawning face|yawn bored tired
😤|face with steam from nose|proud triumph frustrated
😡|pouting face|angry mad rage
🤬|face with symbols on mouth|swear curse angry
😈|smiling face with horns|devil evil
💀|skull|dead death
💩|pile of poo|poop
🤡|clown face|clown
👻|ghost|boo halloween
🤖|robot|bot ai
🙈|see-no-evil monkey|monkey oops shy
💋|kiss mark|kiss lips
❤️|red heart|love like
🧡|orange heart|love
💛|yellow heart|love
💚|green heart|love
💙|blue heart|love
💜|purple heart|love
🖤|black heart|love
🤍|white heart|love
💔|broken heart|heartbreak sad
💕|two hearts|love
💖|sparkling heart|love
💯|hundred points|100 perfect score
💥|collision|boom explosion
💦|sweat droplets|water splash
💬|speech balloon|comment chat message
💤|zzz|sleep`;

const people = `
👋|waving hand|hello hi bye wave
🖐️|hand with fingers splayed|hand five
✋|raised hand|stop high five
👌|ok hand|ok okay perfect
✌️|victory hand|peace
🤞|crossed fingers|luck hope
🤘|sign of the horns|rock metal
🤙|call me hand|call shaka
👈|backhand index pointing left|left point
👉|backhand index pointing right|right point
☝️|index pointing up|up point
👍|thumbs up|like yes ok agree approve +1
👎|thumbs down|dislike no disagree
✊|raised fist|power solidarity
👊|oncoming fist|punch fist bump
👏|clapping hands|clap applause bravo congrats
🙌|raising hands|hooray celebrate praise
🤝|handshake|deal agreement
🙏|folded hands|please thanks pray
✍️|writing hand|write
💪|flexed biceps|strong muscle
🧠|brain|smart think
👀|eyes|look see watch
👶|baby|child newborn
👦|boy|kid
👧|girl|kid
🧑|person|adult
👨|man|adult
👩|woman|adult
👴|old man|elderly grandpa
👵|old woman|elderly grandma
🙅|person gesturing no|no nope
🙆|person gesturing ok|ok yes
💁|person tipping hand|info sassy
🙋|person raising hand|question hi
🙇|person bowing|sorry thanks
🤦|person facepalming|facepalm doh
🤷|person shrugging|shrug dunno whatever
🧑‍💻|technologist|developer programmer coder
🎅|santa claus|christmas
🦸|superhero|hero
🧙|mage|wizard witch magic
🏃|person running|run hurry
💃|woman dancing|dance party
🕺|man dancing|dance party
🧘|person in lotus position|yoga meditate
💑|couple with heart|love romance
👤|bust in silhouette|user profile
👥|busts in silhouette|users group team
🫂|people hugging|hug support
👣|footprints|steps`;

const animals = `
🐶|dog face|dog puppy pet
🐱|cat face|cat kitten pet
🐭|mouse face|mouse
🐰|rabbit face|bunny
🦊|fox|
🐻|bear|
🐼|panda|
🐯|tiger face|tiger
🦁|lion|
🐷|pig face|pig
🐸|frog|
🐵|monkey face|monkey
🐧|penguin|
🐦|bird|
🦉|owl|
🐴|horse face|horse
🦄|unicorn|
🐝|honeybee|bee
🦋|butterfly|
🐌|snail|slow
🐢|turtle|slow
🐍|snake|
🦖|t-rex|dinosaur
🐙|octopus|
🐟|fish|
🐬|dolphin|
🐳|spouting whale|whale
🦈|shark|
🐘|elephant|
🐾|paw prints|paws
💐|bouquet|flowers
🌸|cherry blossom|flower spring
🌹|rose|flower
🌻|sunflower|flower
🌷|tulip|flower
🌱|seedling|plant sprout
🪴|potted plant|plant
🌲|evergreen tree|tree
🌴|palm tree|tree beach
🌵|cactus|desert
🍀|four leaf clover|luck
🍁|maple leaf|autumn fall
🍄|mushroom|`;

const food = `
🍎|red apple|fruit
🍊|tangerine|orange fruit
🍋|lemon|fruit
🍌|banana|fruit
🍉|watermelon|fruit
🍇|grapes|fruit
🍓|strawberry|fruit
🍍|pineapple|fruit
🍅|tomato|
🥑|avocado|
🍆|eggplant|aubergine
🥕|carrot|
🌽|ear of corn|corn
🌶️|hot pepper|spicy chili
🍞|bread|
🥐|croissant|breakfast
🧀|cheese wedge|cheese
🍳|cooking|fried egg breakfast
🥓|bacon|breakfast
🍔|hamburger|burger
🍟|french fries|fries chips
🍕|pizza|
🥪|sandwich|lunch
🌮|taco|
🥗|green salad|salad
🍿|popcorn|movie
🍝|spaghetti|pasta
🍜|steaming bowl|ramen noodles soup
🍣|sushi|
🍦|soft ice cream|icecream dessert
🍩|doughnut|donut dessert
🍪|cookie|dessert
🎂|birthday cake|cake party
🍰|shortcake|cake dessert
🧁|cupcake|cake dessert
🍫|chocolate bar|chocolate
🍭|lollipop|candy sweet
☕|hot beverage|coffee tea
🍵|teacup without handle|tea
🥤|cup with straw|soda drink
🧋|bubble tea|boba
🍺|beer mug|beer drink
🍻|clinking beer mugs|cheers beer
🥂|clinking glasses|cheers toast
🍷|wine glass|wine drink
🍸|cocktail glass|cocktail drink
🍾|bottle with popping cork|champagne celebrate
🍴|fork and knife|dinner restaurant`;

const travel = `
🌍|globe showing europe-africa|earth world
🌐|globe with meridians|web internet world
🗺️|world map|map
🏖️|beach with umbrella|beach summer
🏠|house|home
🏢|office building|office work
🏥|hospital|
🚂|locomotive|train
🚌|bus|
🚑|ambulance|
🚒|fire engine|
🚕|taxi|cab
🚗|automobile|car
🚚|delivery truck|shipping truck
🚲|bicycle|bike
🚧|construction|wip
⛵|sailboat|boat
🚢|ship|boat
✈️|airplane|flight plane travel
🚀|rocket|launch ship
🧳|luggage|travel
⏳|hourglass not done|time waiting
⏰|alarm clock|time wake
🌙|crescent moon|night moon
☀️|sun|sunny weather
⭐|star|
🌟|glowing star|star
☁️|cloud|weather
⛅|sun behind cloud|cloudy weather
🌧️|cloud with rain|rain weather
⛈️|cloud with lightning and rain|storm weather
🌈|rainbow|
☔|umbrella with rain drops|rain umbrella
⚡|high voltage|lightning zap
❄️|snowflake|cold winter snow
⛄|snowman without snow|snowman winter
🔥|fire|hot lit flame
🌊|water wave|ocean sea`;

const activities = `
🎃|jack-o-lantern|halloween pumpkin
🎄|christmas tree|christmas
🎆|fireworks|celebrate
✨|sparkles|shiny magic
🎈|balloon|party birthday
🎉|party popper|tada celebrate congrats party
🎊|confetti ball|celebrate party
🎁|wrapped gift|present birthday
🏆|trophy|win champion
🥇|1st place medal|gold first winner
🥈|2nd place medal|silver second
🥉|3rd place medal|bronze third
⚽|soccer ball|football
⚾|baseball|
🏀|basketball|
🏈|american football|football
🎾|tennis|
🏓|ping pong|table tennis
🥊|boxing glove|boxing
⛳|flag in hole|golf
🎣|fishing pole|fishing
🎯|direct hit|target bullseye goal
🎮|video game|gaming controller
🎲|game die|dice
🧩|puzzle piece|puzzle
♟️|chess pawn|chess
🃏|joker|cards
🎭|performing arts|theater
🎨|artist palette|art paint`;

const objects = `
🕶️|sunglasses|cool
👕|t-shirt|shirt
👟|running shoe|sneaker
👑|crown|king queen
🎓|graduation cap|graduate school
💍|ring|wedding engagement
💎|gem stone|diamond
🔊|speaker high volume|loud sound
🔔|bell|notification
🎵|musical note|music
🎤|microphone|sing karaoke
🎧|headphone|music
🎸|guitar|music
📱|mobile phone|phone smartphone
📞|telephone receiver|call phone
💻|laptop|computer
📷|camera|photo
🎥|movie camera|film video
📺|television|tv
🔍|magnifying glass tilted left|search find zoom
💡|light bulb|idea
📚|books|library study read
📖|open book|read
📝|memo|note write
✏️|pencil|edit write
📎|paperclip|attachment attach
📍|round pushpin|location pin
✂️|scissors|cut
📅|calendar|date
📊|bar chart|stats
📈|chart increasing|growth trend up
🗑️|wastebasket|trash delete bin
🔒|locked|lock secure private
🔑|key|password
🛠️|hammer and wrench|tools fix
⚙️|gear|settings cog
💊|pill|medicine
🛒|shopping cart|shop
📦|package|box shipping delivery
📧|e-mail|email
✉️|envelope|mail letter
💰|money bag|money
💵|dollar banknote|money cash
💳|credit card|payment
🏷️|label|tag price
🔗|link|url
🪄|magic wand|magic`;

const symbols = `
✅|check mark button|done yes correct ok
✔️|check mark|done yes
❌|cross mark|no wrong delete
➕|plus|add
❓|red question mark|question help
❗|red exclamation mark|important
⚠️|warning|caution alert
🚫|prohibited|forbidden no
⛔|no entry|forbidden
🛑|stop sign|stop
🔴|red circle|red
🟡|yellow circle|yellow
🟢|green circle|green
🔵|blue circle|blue
⚫|black circle|black
⚪|white circle|white
➡️|right arrow|next
⬅️|left arrow|back previous
⬆️|up arrow|
⬇️|down arrow|
↩️|right arrow curving left|reply back
🔄|counterclockwise arrows button|refresh sync
▶️|play button|play start
⏸️|pause button|pause
🆗|ok button|ok
🆕|new button|new
🆘|sos button|help emergency
ℹ️|information|info
♻️|recycling symbol|recycle
♾️|infinity|forever
⚧️|transgender symbol|transgender
♿|wheelchair symbol|accessibility`;

const flags = `
🏁|chequered flag|finish race
🚩|triangular flag|red flag
🏳️‍🌈|rainbow flag|pride lgbt
🏳️‍⚧️|transgender flag|pride
🇪🇺|european union|eu europe
🇺🇸|united states|usa us america
🇬🇧|united kingdom|uk britain
🇨🇦|canada|
🇩🇪|germany|
🇫🇷|france|
🇪🇸|spain|
🇮🇹|italy|
🇯🇵|japan|
🇧🇷|brazil|
🇮🇳|india|
🇲🇽|mexico|`;

export const EMOJI_DATA: readonly EmojiCategoryData[] = [
  ['smileys', 'Smileys & emotion', smileys],
  ['people', 'People & body', people],
  ['animals', 'Animals & nature', animals],
  ['food', 'Food & drink', food],
  ['travel', 'Travel & places', travel],
  ['activities', 'Activities', activities],
  ['objects', 'Objects', objects],
  ['symbols', 'Symbols', symbols],
  ['flags', 'Flags', flags],
];
