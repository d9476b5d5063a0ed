"""Reads a dataset folder `gen export` wrote with the Hub's own libraries and prints what they saw as JSON.

Used by PythonRoundTripTests: the Swift test asserts on these facts, so a failure names the field that differs.
Usage: python hub_roundtrip.py FOLDER FORMAT. Offline: no call reaches the Hub.
"""
import glob
import json
import os
import sys

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_DATASETS_OFFLINE"] = "1"

folder, data_format = sys.argv[1], sys.argv[2]
facts = {}

if data_format == "parquet":
    import pyarrow.parquet as pq

    facts["pyarrow"] = {}
    for path in sorted(glob.glob(os.path.join(folder, "data", "*.parquet"))):
        table = pq.read_table(path)
        facts["pyarrow"][os.path.basename(path)] = {
            "rows": table.num_rows,
            "columns": table.column_names,
            "types": {field.name: str(field.type) for field in table.schema},
            "nullable": {field.name: field.nullable for field in table.schema},
            "first": table.slice(0, 1).to_pylist()[0] if table.num_rows else None,
            "all": table.to_pylist(),
            "huggingface": json.loads(table.schema.metadata[b"huggingface"]) if table.schema.metadata else None,
        }

import datasets

datasets.disable_progress_bars()
loaded = datasets.load_dataset(folder)
facts["datasets"] = {
    name: {
        "rows": split.num_rows,
        "features": {key: type(feature).__name__ for key, feature in split.features.items()},
        "label_names": split.features["label"].names if hasattr(split.features.get("label"), "names") else None,
        "first": split[0] if split.num_rows else None,
        "label_strings": sorted({split.features["label"].int2str(row) for row in split["label"]})
        if hasattr(split.features.get("label"), "names") else None,
    }
    for name, split in loaded.items()
}

from huggingface_hub import DatasetCard
from datasets.info import DatasetInfosDict
from datasets.utils.metadata import MetadataConfigs

card = DatasetCard.load(os.path.join(folder, "README.md"))
data = card.data.to_dict()
infos = DatasetInfosDict.from_dataset_card_data(card.data)
configs = MetadataConfigs.from_dataset_card_data(card.data)
facts["card"] = {
    "metadata": data,
    "features": {name: str(info.features) for name, info in infos.items()},
    "configs": {name: config for name, config in configs.items()},
    "sections": [line for line in card.text.splitlines() if line.startswith("## ")],
}
print(json.dumps(facts, default=str))
