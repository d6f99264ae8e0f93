"""The build writes the Hugging Face features itself, without importing `datasets`: they must be exactly
what `datasets` writes, and the build must stay free of the import."""

import subprocess
import sys

import datasets
import pytest

from samplegen.dbq import dataset_features
from samplegen.hf_features import arrow_schema, features_yaml


@pytest.mark.parametrize("with_images", [True, False])
def test_the_card_features_are_datasets_own(with_images):
    assert features_yaml(with_images) == dataset_features(with_images)._to_yaml_list()


@pytest.mark.parametrize("with_images", [True, False])
def test_the_parquet_schema_and_its_metadata_are_datasets_own(with_images):
    ours, theirs = arrow_schema(with_images), dataset_features(with_images).arrow_schema
    assert ours.equals(theirs, check_metadata=True)
    assert ours.metadata == theirs.metadata  # the bytes that land in every shard's footer
    assert datasets.Features.from_arrow_schema(ours) == dataset_features(with_images)


def test_samplegen_build_does_not_import_datasets(tmp_path):
    script = (
        "import sys\n"
        "from samplegen.cli import main\n"
        "code = main(['build', '--quiet', '--n', '4', '--image-size', '64', '--out', sys.argv[1]])\n"
        "print(code, 'datasets' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "ds")], capture_output=True, text=True, check=True
    )
    assert result.stdout.split()[-2:] == ["0", "False"], result.stdout + result.stderr
    assert (tmp_path / "ds" / "README.md").is_file()
