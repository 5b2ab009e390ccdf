#!/bin/sh
# Makes docs/images/class-report.png: a demo class (the solution and typical mistakes from mutants.json)
# graded twice with a Canvas export, two students resubmitting in between; then a headless-Chromium
# screenshot of the report's new sections. Needs the built grader (mvn -pl grader/app -am package) and
# chromium, python3 and imagemagick. Run from an empty folder: ./class-report-demo.sh
set -e
KIT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=$KIT/grader/target/grader.jar
rm -rf class out
python3 - "$KIT" <<'PY'
import json, os, sys
kit = sys.argv[1]
solution = open(f'{kit}/solution/src/main/java/batchnorm/Model.java').read()
mutants = {m['name']: m for m in json.load(open(f'{kit}/grader/exercise/src/main/resources/grader/mutants.json'))}
def model(mistake):
    text = solution
    for patch in ([] if mistake is None else mutants[mistake]['patches']):
        text = text.replace(patch['find'], patch['replace'])
    return text
first = {'ada': None, 'ben': 'divide-by-variance', 'cleo': 'beta-left-out', 'dev': 'divide-by-variance',
         'emil': 'momentum-on-old-average', 'fay': 'no-epsilon', 'gus': 'beta-left-out',
         'hana': 'averages-updated-in-eval', 'ivo': 'divide-by-variance', 'jo': 'statistics-detached'}
for who, mistake in first.items():
    os.makedirs(f'class/{who}')
    open(f'class/{who}/Model.java', 'w').write(model(mistake))
# jo is not in the gradebook; Kim is, without a submission.
rows = ''.join(f'"{who.title()}, Student",{100 + i},S{i:03d},{who},"Lab, Monday",,,\r\n' for i, who in enumerate(list(first)[:9]))
open('canvas.csv', 'w', encoding='utf-8').write('\ufeffStudent,ID,SIS User ID,SIS Login ID,Section,Batch norm lab (4711),'
    'Current Score,Final Score\r\n    Points Possible,,,,,10,(read only),(read only)\r\n' + rows
    + '"Kim, ""KK""",120,S120,kim,"Lab, Monday",,,\r\n')
open('second.json', 'w').write(json.dumps({'ivo': model(None), 'gus': model('no-epsilon')}))
PY
java -jar "$JAR" grade-all class --out out --jobs 2 --canvas canvas.csv
python3 -c "
import json
for who, text in json.load(open('second.json')).items():
    open(f'class/{who}/Model.java', 'w').write(text)"
java -jar "$JAR" grade-all class --out out --jobs 2 --canvas canvas.csv
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1150,2600 \
    --screenshot="$PWD/full.png" "file://$PWD/out/report.html"
# From "What the class got wrong" down to the Canvas section.
convert full.png -crop "${CROP:-1150x1528+0+430}" +repage "$KIT/docs/images/class-report.png"
