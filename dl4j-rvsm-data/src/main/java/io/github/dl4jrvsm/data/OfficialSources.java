package io.github.dl4jrvsm.data;

import java.net.URI;
import java.util.List;

/**
 * Official download addresses and SHA-256 digests of the data set files.
 *
 * <p>The digests were not computed on this project's build machine (it has no internet access): they are the values
 * that several independent public projects pin, identically, for these exact files (for example Julia's MLDatasets
 * and torch.rb for the CIFAR archives, and many MNIST / Fashion-MNIST loaders whose tables also list the MD5s published
 * by the data sets' authors). A download whose digest differs is refused, never kept; if a host ever re-publishes
 * different bytes, check them yourself and pass the new digest with {@link LoadOptions#withSha256(String, String)}.
 *
 * <p>Files found locally (an explicit directory, DL4J's directory, Debian's package) are not checked against these
 * digests: Debian's {@code dataset-fashion-mnist} re-compresses the {@code .gz} files, so its bytes differ from the
 * official ones while the images are the same.
 *
 * <p>MNIST's official host (yann.lecun.com) has at times refused downloads; the byte-identical mirror
 * {@code https://ossci-datasets.s3.amazonaws.com/mnist/} can be used with {@link LoadOptions#withDownloadBase(URI)}.
 */
public final class OfficialSources {

    /** One file to fetch: its name, where from, its SHA-256, and whether it is a tar.gz archive to unpack. */
    public record Download(String fileName, URI url, String sha256, boolean archive) {
    }

    public static final URI MNIST_BASE = URI.create("https://yann.lecun.com/exdb/mnist/");
    public static final URI FASHION_MNIST_BASE =
            URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/");
    public static final URI CIFAR_BASE = URI.create("https://www.cs.toronto.edu/~kriz/");

    private OfficialSources() {
    }

    /** The files to download for a data set, from its official address. */
    public static List<Download> of(DataSetName name) {
        return switch (name) {
            case MNIST -> List.of(
                    gz(MNIST_BASE, "train-images-idx3-ubyte",
                            "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
                    gz(MNIST_BASE, "train-labels-idx1-ubyte",
                            "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
                    gz(MNIST_BASE, "t10k-images-idx3-ubyte",
                            "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
                    gz(MNIST_BASE, "t10k-labels-idx1-ubyte",
                            "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"));
            case FASHION_MNIST -> List.of(
                    gz(FASHION_MNIST_BASE, "train-images-idx3-ubyte",
                            "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"),
                    gz(FASHION_MNIST_BASE, "train-labels-idx1-ubyte",
                            "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845"),
                    gz(FASHION_MNIST_BASE, "t10k-images-idx3-ubyte",
                            "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073"),
                    gz(FASHION_MNIST_BASE, "t10k-labels-idx1-ubyte",
                            "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5"));
            case CIFAR10 -> List.of(archive("cifar-10-binary.tar.gz",
                    "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd"));
            case CIFAR100 -> List.of(archive("cifar-100-binary.tar.gz",
                    "58a81ae192c23a4be8b1804d68e518ed807d710a4eb253b1f2a199162a40d8ec"));
        };
    }

    private static Download gz(URI base, String name, String sha256) {
        String file = name + ".gz";
        return new Download(file, base.resolve(file), sha256, false);
    }

    private static Download archive(String file, String sha256) {
        return new Download(file, CIFAR_BASE.resolve(file), sha256, true);
    }
}
