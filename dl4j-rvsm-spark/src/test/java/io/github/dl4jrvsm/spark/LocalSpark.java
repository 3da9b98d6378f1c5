package io.github.dl4jrvsm.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** Spark {@code local[2]} bound to loopback without UI, as the tests need it. */
final class LocalSpark {

    private LocalSpark() {
    }

    static JavaSparkContext context(String appName) {
        return new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName(appName)
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false"));
    }
}
