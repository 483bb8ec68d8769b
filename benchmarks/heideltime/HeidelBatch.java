// Runs HeidelTime standalone over many documents in one JVM (used by benchmarks/peer_heideltime.py).
//
//   java -cp HEIDELTIME.jar:DIR HeidelBatch CONFIG.props MANIFEST.tsv
//
// MANIFEST.tsv has one document a line: "YYYY-MM-DD<TAB>input.txt<TAB>output.tml" (UTF-8).
// The tagger (English, news, TimeML output, TreeTagger) is built once; every document is then
// processed with its own document creation time. The last line on stdout is
// "init_ms=N process_ms=N docs=N failed=N": set-up time and the time spent in process().
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;

public final class HeidelBatch {
    private HeidelBatch() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: HeidelBatch CONFIG.props MANIFEST.tsv");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(Language.ENGLISH, DocumentType.NEWS,
                OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        long initNs = System.nanoTime() - t0;
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
        List<String> lines = Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8);
        long processNs = 0;
        int docs = 0;
        int failed = 0;
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t");
            String text = new String(Files.readAllBytes(Paths.get(f[1])), StandardCharsets.UTF_8);
            Date dct = day.parse(f[0]);
            long s = System.nanoTime();
            String out;
            try {
                out = tagger.process(text, dct);
            } catch (Exception e) {
                System.err.println("failed: " + f[1] + ": " + e);
                out = "";
                failed++;
            }
            processNs += System.nanoTime() - s;
            Files.write(Paths.get(f[2]), out.getBytes(StandardCharsets.UTF_8));
            docs++;
        }
        System.out.println("init_ms=" + initNs / 1000000 + " process_ms=" + processNs / 1000000
                + " docs=" + docs + " failed=" + failed);
    }
}
